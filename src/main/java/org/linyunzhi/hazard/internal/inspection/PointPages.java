package org.linyunzhi.hazard.internal.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspector's phone pages: the points waiting in their part of the town (or one micro-grid, from
 * a task card) and the form of a point: every checklist of the campaigns running there today, pass
 * or fail per item with a note, a hazard report for a failure, photos and the phone's position.
 */
@Controller
@RequestMapping("/hazard/inspection")
class PointPages {

    static final String MY_VIEW = "hazard/inspection/my";
    static final String FORM_VIEW = "hazard/inspection/point";
    static final int MAX_LISTED = 200;

    private final InspectionPoints points;
    private final Visits visits;
    private final InspectionPhotos photos;
    private final HazardCategories categories;
    private final MessageSource messages;

    PointPages(InspectionPoints points, Visits visits, InspectionPhotos photos, HazardCategories categories,
               MessageSource messages) {
        this.points = points;
        this.visits = visits;
        this.photos = photos;
        this.categories = categories;
        this.messages = messages;
    }

    /** A region filter from the address bar: digits only, else no filter. */
    static String regionPrefix(String region) {
        return region != null && region.strip().matches("\\d{1,19}") ? region.strip() : null;
    }

    @GetMapping("/my")
    @PreAuthorize("hasAuthority('inspection:do')")
    String mine(@RequestParam(required = false) String region, @AuthenticationPrincipal CurrentUser user, Model model) {
        List<InspectionPoints.Listed> open = points.open(user.scope(), regionPrefix(region), visits.today(), MAX_LISTED);
        model.addAttribute("points", open);
        model.addAttribute("waiting", open.stream().filter(l -> l.point().inspectedAt() == null).count());
        model.addAttribute("region", regionPrefix(region));
        model.addAttribute("max", MAX_LISTED);
        return MY_VIEW;
    }

    @GetMapping("/points/{id}")
    @PreAuthorize("hasAuthority('inspection:do')")
    String form(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return show(visits.plan(id, user), Map.of(), null, null, model);
    }

    @PostMapping("/points/{id}")
    @PreAuthorize("hasAuthority('inspection:do')")
    @Audited("inspection.visit.record")
    String submit(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> fields,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> files,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Visits.Plan plan = visits.plan(id, user);
        Map<UUID, VisitForm.Answer> answers = answers(plan, fields);
        try {
            VisitForm form = new VisitForm(answers, number(fields.getFirst("lon")), number(fields.getFirst("lat")),
                    fields.getFirst("note"), photos(files));
            Visits.Recorded recorded = visits.record(id, form, user);
            redirect.addFlashAttribute("recorded", messages.getMessage("inspection.visit.recorded",
                    new Object[] {plan.point().point().name(), recorded.hazardNumbers().size(),
                            String.join(", ", recorded.hazardNumbers())}, LocaleContextHolder.getLocale()));
            return "redirect:/hazard/inspection/my";
        } catch (InspectionRefused refused) {
            return show(plan, answers, InspectionProblems.text(messages, refused), refused.field, model);
        }
    }

    @GetMapping("/photos/{id}")
    @PreAuthorize("hasAuthority('inspection:view')")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        InspectionPhotos.Stored photo = photos.find(id, user.scope()).orElseThrow(() -> InspectionRefused.notFound("photo"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(photo.bytes());
    }

    private String show(Visits.Plan plan, Map<UUID, VisitForm.Answer> answers, String error, String errorField,
                        Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("answers", answers);
        model.addAttribute("error", error);
        model.addAttribute("errorField", errorField);
        model.addAttribute("history", points.history(plan.point().point().id()));
        model.addAttribute("categories", categories.active());
        model.addAttribute("running", !plan.points().isEmpty());
        return FORM_VIEW;
    }

    /**
     * The answers as the form names them: {@code r_<item>} PASS/FAIL, {@code n_<item>} note,
     * {@code h_<item>} report a hazard, {@code c_<item>} its category.
     */
    private static Map<UUID, VisitForm.Answer> answers(Visits.Plan plan, MultiValueMap<String, String> fields) {
        Map<UUID, VisitForm.Answer> answers = new LinkedHashMap<>();
        for (List<ChecklistItem> items : plan.itemsByCampaign().values()) {
            for (ChecklistItem item : items) {
                String result = fields.getFirst("r_" + item.id());
                if (result == null) {
                    continue;
                }
                Boolean passed = "PASS".equals(result) ? Boolean.TRUE : "FAIL".equals(result) ? Boolean.FALSE : null;
                answers.put(item.id(), new VisitForm.Answer(passed, fields.getFirst("n_" + item.id()),
                        fields.containsKey("h_" + item.id()) && Boolean.FALSE.equals(passed),
                        fields.getFirst("c_" + item.id())));
            }
        }
        return answers;
    }

    private static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InspectionRefused.badInput("lon", "inspection.error.position");
        }
    }

    private static List<VisitForm.Photo> photos(List<MultipartFile> files) {
        List<VisitForm.Photo> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (MultipartFile f : files) {
            if (f.isEmpty()) {
                continue;
            }
            if (f.getSize() > InspectionPhotos.MAX_BYTES) {
                throw InspectionRefused.tooLarge("photos", "inspection.error.photoTooLarge", f.getOriginalFilename(),
                        InspectionPhotos.MAX_BYTES / 1024 / 1024);
            }
            try {
                out.add(new VisitForm.Photo(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
