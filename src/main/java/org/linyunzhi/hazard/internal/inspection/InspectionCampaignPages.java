package org.linyunzhi.hazard.internal.inspection;

import java.util.List;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Campaign pages (排查任务): the list, the create form (targets by registry filter or drawn on the
 * map, with a count before anything is created, loaded by htmx) and a campaign's progress per
 * village and micro-grid with the reader's department's findings.
 */
@Controller
@RequestMapping("/hazard/inspection/campaigns")
class InspectionCampaignPages {

    static final String LIST_VIEW = "hazard/inspection/campaigns";
    static final String FORM_VIEW = "hazard/inspection/campaign-form";
    static final String DETAIL_VIEW = "hazard/inspection/campaign";
    static final List<String> ORG_TYPES = List.of("ACCOMMODATION", "RESTAURANT", "FACTORY", "SCHOOL", "MARKET", "SHOP",
            "HOSPITAL", "CONSTRUCTION", "OTHER");
    static final List<String> HOUSE_USES = List.of("RESIDENTIAL", "SHOP", "WAREHOUSE", "WORKSHOP", "MIXED");

    private final CampaignIssuing issuing;
    private final CampaignReading reading;
    private final TargetSelection targets;
    private final HazardCategories categories;
    private final MessageSource messages;

    InspectionCampaignPages(CampaignIssuing issuing, CampaignReading reading, TargetSelection targets,
                  HazardCategories categories, MessageSource messages) {
        this.issuing = issuing;
        this.reading = reading;
        this.targets = targets;
        this.categories = categories;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('inspection:view')")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("campaigns", reading.list(user));
        return LIST_VIEW;
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('inspection:campaign')")
    String newCampaign(Model model) {
        CampaignForm form = new CampaignForm();
        form.setStartsOn(issuingToday());
        form.setEndsOn(issuingToday().plusDays(30));
        return showForm(form, null, model);
    }

    /** How many places the current choice picks (htmx, on every change of the target fields). */
    @PostMapping("/preview")
    @PreAuthorize("hasAuthority('inspection:campaign')")
    String preview(@ModelAttribute("form") CampaignForm form, Model model) {
        try {
            model.addAttribute("count", targets.count(form.target()));
            model.addAttribute("max", TargetSelection.MAX_POINTS);
        } catch (InspectionRefused refused) {
            model.addAttribute("previewError", InspectionProblems.text(messages, refused));
        }
        return FORM_VIEW + " :: preview";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('inspection:campaign')")
    @Audited("inspection.campaign.create")
    String create(@ModelAttribute("form") CampaignForm form, @AuthenticationPrincipal CurrentUser user, Model model,
                  RedirectAttributes redirect) {
        CampaignIssuing.Created created;
        try {
            created = issuing.create(form.request(), user);
        } catch (InspectionRefused refused) {
            model.addAttribute("errorField", refused.field);
            return showForm(form, InspectionProblems.text(messages, refused), model);
        }
        redirect.addFlashAttribute("created", messages.getMessage("inspection.campaign.created",
                new Object[] {created.campaign().code(), created.points(), created.tasks()},
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "redirect:/hazard/inspection/campaigns/" + created.campaign().id();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('inspection:view')")
    String detail(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean failedOnly,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("detail", reading.detail(id, user, failedOnly));
        model.addAttribute("failedOnly", failedOnly);
        return DETAIL_VIEW;
    }

    private String showForm(CampaignForm form, String error, Model model) {
        form.padItems();
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("types", CampaignType.values());
        model.addAttribute("orgTypes", ORG_TYPES);
        model.addAttribute("houseUses", HOUSE_USES);
        model.addAttribute("categories", categories.active());
        return FORM_VIEW;
    }

    private java.time.LocalDate issuingToday() {
        return java.time.LocalDate.now(CampaignIssuing.TOWN_ZONE);
    }
}
