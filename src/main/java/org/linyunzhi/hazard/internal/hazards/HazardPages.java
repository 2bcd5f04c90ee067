package org.linyunzhi.hazard.internal.hazards;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.hazard.internal.catalogue.Catalogue;
import org.linyunzhi.hazard.internal.catalogue.Category;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The hazard pages: the list with filters and pages, the "to report upstream" list, one hazard with
 * its timeline, photos, map and the actions open to the reader, and the grid report form for phones.
 */
@Controller
@RequestMapping("/hazard")
class HazardPages {

    static final String LIST = "hazard/hazards/list";
    static final String DETAIL = "hazard/hazards/detail";
    static final String REPORT = "hazard/hazards/report";

    private final HazardSearch search;
    private final HazardDetails details;
    private final HazardLifecycle lifecycle;
    private final HazardPhotos photos;
    private final Catalogue catalogue;
    private final MessageSource messages;

    HazardPages(HazardSearch search, HazardDetails details, HazardLifecycle lifecycle, HazardPhotos photos,
                Catalogue catalogue, MessageSource messages) {
        this.search = search;
        this.details = details;
        this.lifecycle = lifecycle;
        this.photos = photos;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    /** What the grid report form holds, kept as typed when it comes back with an error. */
    record ReportForm(String title, String description, String categoryCode, String responsibleParty, Double lon,
                      Double lat) {
        static ReportForm empty() {
            return new ReportForm("", "", "", "", null, null);
        }
    }

    @GetMapping("/hazards")
    @PreAuthorize("hasAuthority('hazard:view')")
    String list(@ModelAttribute("filter") HazardFilter filter, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        return listPage(filter, page, htmx, user, model, "/hazard/hazards", "hazard.list.title");
    }

    @GetMapping("/upstream")
    @PreAuthorize("hasAuthority('hazard:view')")
    String upstream(@ModelAttribute("filter") HazardFilter filter, @RequestParam(defaultValue = "0") int page,
                    @RequestHeader(value = "HX-Request", required = false) String htmx,
                    @AuthenticationPrincipal CurrentUser user, Model model) {
        return listPage(filter.upstreamOnly(), page, htmx, user, model, "/hazard/upstream", "hazard.upstream.title");
    }

    private String listPage(HazardFilter filter, int page, String htmx, CurrentUser user, Model model, String path,
                            String titleKey) {
        HazardSearch.Page result = search.search(filter, user.scope(), page, 20);
        model.addAttribute("filter", filter);
        model.addAttribute("page", result);
        model.addAttribute("path", path);
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("classes", catalogue.classes());
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("statuses", HazardStatus.values());
        model.addAttribute("previous", result.page() > 0 ? pageLink(path, filter, result.page() - 1) : null);
        model.addAttribute("next", result.page() + 1 < result.pages() ? pageLink(path, filter, result.page() + 1) : null);
        return htmx != null ? LIST + " :: table" : LIST;
    }

    /** A refresh-safe link to another page of the same filter. */
    static String pageLink(String path, HazardFilter f, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        add(b, "classCode", f.classCode());
        add(b, "categoryCode", f.categoryCode());
        add(b, "level", f.level());
        add(b, "status", f.status());
        add(b, "overdue", f.overdue());
        add(b, "region", f.region());
        add(b, "q", f.q());
        add(b, "sort", f.sort());
        return b.queryParam("page", page).build().encode().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            b.queryParam(name, value);
        }
    }

    @GetMapping("/hazards/{id}")
    @PreAuthorize("hasAuthority('hazard:view')")
    String detail(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("hazard", details.view(id, user));
        return DETAIL;
    }

    @PostMapping("/hazards/{id}/{action}")
    @PreAuthorize("hasAnyAuthority('hazard:order', 'hazard:rectify', 'hazard:verify')")
    @Audited("hazard.act")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) Integer version,
               @RequestParam(required = false) String note,
               @RequestParam(name = "photos", required = false) MultipartFile[] files,
               @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash, Locale locale) throws IOException {
        try {
            HazardAction done = switch (action) {
                case "order" -> then(HazardAction.ORDER, lifecycle.order(id, version, user, note));
                case "start" -> then(HazardAction.START, lifecycle.startRectifying(id, version, user, note));
                case "evidence" -> then(HazardAction.SUBMIT_EVIDENCE, lifecycle.submitEvidenceWithUploads(id, version, user,
                        note, uploads(files)));
                case "pass" -> then(HazardAction.PASS, lifecycle.verify(id, version, user, true, note));
                case "fail" -> then(HazardAction.FAIL, lifecycle.verify(id, version, user, false, note));
                default -> throw HazardRefused.notFound();
            };
            flash.addFlashAttribute("message", messages.getMessage("hazard.done." + done.name(), null, locale));
        } catch (HazardRefused refused) {
            if (refused.kind == HazardRefused.Kind.NOT_FOUND) {
                throw new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND);
            }
            flash.addFlashAttribute("error", HazardProblems.text(messages, refused));
        }
        return "redirect:/hazard/hazards/" + id;
    }

    private static HazardAction then(HazardAction action, Hazard ignored) {
        return action;
    }

    @GetMapping("/report")
    @PreAuthorize("hasAuthority('hazard:report')")
    String reportForm(Model model) {
        return reportPage(model, ReportForm.empty(), Map.of());
    }

    @PostMapping("/report")
    @PreAuthorize("hasAuthority('hazard:report')")
    @Audited("hazard.report")
    String report(ReportForm form, @RequestParam(name = "photos", required = false) MultipartFile[] files,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash, Locale locale)
            throws IOException {
        try {
            if (form.lon() == null || form.lat() == null) {
                throw HazardRefused.badInput("lon", "hazard.error.positionRequired");
            }
            Hazard hazard = lifecycle.report(new HazardReport(form.title(), form.description(), form.categoryCode(),
                    null, HazardSource.GRID_REPORT.name(), null, null, null, null, form.responsibleParty(), form.lon(),
                    form.lat(), List.of(), null), uploads(files), lifecycle.actor(user), user.id()).hazard();
            flash.addFlashAttribute("message", messages.getMessage("hazard.done.REPORT",
                    new Object[] {hazard.number()}, locale));
            return "redirect:/hazard/hazards/" + hazard.id();
        } catch (HazardRefused refused) {
            String field = refused.field == null ? "form" : "lat".equals(refused.field) ? "lon" : refused.field;
            return reportPage(model, form, Map.of(field, HazardProblems.text(messages, refused)));
        }
    }

    private String reportPage(Model model, ReportForm form, Map<String, String> errors) {
        List<Category> active = catalogue.categories().stream().filter(Category::active).toList();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("classes", catalogue.classes());
        model.addAttribute("categories", active);
        model.addAttribute("maxPhotos", HazardPhotos.MAX_PER_STEP);
        return REPORT;
    }

    /** The uploaded photos (empty file inputs skipped), refused early when too many or too large. */
    private List<HazardLifecycle.Upload> uploads(MultipartFile[] files) throws IOException {
        List<MultipartFile> given = files == null ? List.of()
                : Arrays.stream(files).filter(f -> f != null && !f.isEmpty()).toList();
        if (given.size() > HazardPhotos.MAX_PER_STEP) {
            throw HazardRefused.badInput("photos", "hazard.error.photoCount", HazardPhotos.MAX_PER_STEP);
        }
        List<HazardLifecycle.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : given) {
            if (f.getSize() > photos.maxSize().toBytes()) {
                throw HazardRefused.badInput("photos", "hazard.error.photoTooLarge", f.getOriginalFilename(),
                        photos.maxSize().toMegabytes());
            }
            uploads.add(new HazardLifecycle.Upload(f.getBytes(), f.getOriginalFilename()));
        }
        return uploads;
    }
}
