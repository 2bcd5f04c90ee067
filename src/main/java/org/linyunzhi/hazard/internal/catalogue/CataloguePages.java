package org.linyunzhi.hazard.internal.catalogue;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalogue pages: browse by class, edit one category, versions and what each changed, Excel in and out. */
@Controller
@RequestMapping("/hazard/catalogue")
class CataloguePages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Catalogue catalogue;
    private final CatalogueEditing editing;
    private final CatalogueWorkbook workbook;
    private final MessageSource messages;

    CataloguePages(Catalogue catalogue, CatalogueEditing editing, CatalogueWorkbook workbook, MessageSource messages) {
        this.catalogue = catalogue;
        this.editing = editing;
        this.workbook = workbook;
        this.messages = messages;
    }

    /** A class with how many active categories it has, for the cards above the table. */
    record ClassCount(HazardClass hazardClass, long active) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('hazard:view')")
    String browse(@RequestParam(name = "class", required = false) String classCode,
                  @RequestParam(required = false) String q, Model model) {
        List<Category> all = catalogue.categories();
        Map<String, Long> counts = all.stream().filter(Category::active)
                .collect(Collectors.groupingBy(Category::classCode, Collectors.counting()));
        String text = q == null ? "" : q.strip();
        List<Category> shown = all.stream()
                .filter(c -> classCode == null || classCode.isBlank() || c.classCode().equals(classCode))
                .filter(c -> text.isEmpty() || c.code().contains(text) || c.name().contains(text)
                        || c.department().contains(text))
                .toList();
        model.addAttribute("classes", catalogue.classes().stream()
                .map(k -> new ClassCount(k, counts.getOrDefault(k.code(), 0L))).toList());
        model.addAttribute("categories", shown);
        model.addAttribute("classCode", classCode);
        model.addAttribute("q", text);
        model.addAttribute("version", catalogue.currentVersion());
        model.addAttribute("activeTotal", all.stream().filter(Category::active).count());
        return "hazard/catalogue/browse";
    }

    @GetMapping("/edit")
    @PreAuthorize("hasAuthority('hazard:catalogue:edit')")
    String edit(@RequestParam(required = false) String code, Model model) {
        Category c = code == null ? null : catalogue.category(code).orElse(null);
        model.addAttribute("draft", c == null ? new CategoryRules.Draft(code, "", "2", "", "7", "", "true")
                : new CategoryRules.Draft(c.code(), c.name(), String.valueOf(c.defaultLevel().number()), c.department(),
                String.valueOf(c.timeLimitDays()), c.description(), String.valueOf(c.active())));
        model.addAttribute("existing", c != null);
        model.addAttribute("note", "");
        model.addAttribute("errors", Map.of());
        return "hazard/catalogue/edit";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('hazard:catalogue:edit')")
    @Audited("hazard.catalogue.edit")
    String save(CategoryRules.Draft draft, @RequestParam(required = false) String note,
                @RequestParam(defaultValue = "false") boolean existing, @AuthenticationPrincipal CurrentUser user,
                Model model, RedirectAttributes flash, Locale locale) {
        try {
            CataloguePublisher.Published published = editing.save(draft, note, user);
            flash.addFlashAttribute("message", published.version()
                    .map(v -> messages.getMessage("hazard.catalogue.published", new Object[] {v}, locale))
                    .orElse(messages.getMessage("hazard.catalogue.unchanged", null, locale)));
            return "redirect:/hazard/catalogue?q=" + java.net.URLEncoder.encode(draft.code().strip(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (CatalogueRefused refused) {
            model.addAttribute("draft", draft);
            model.addAttribute("existing", existing);
            model.addAttribute("note", note);
            model.addAttribute("errors", refused.problems.stream().collect(Collectors.toMap(
                    CategoryRules.Problem::field, p -> text(p, locale), (a, b) -> a)));
            return "hazard/catalogue/edit";
        }
    }

    @GetMapping("/versions")
    @PreAuthorize("hasAuthority('hazard:view')")
    String versions(Model model) {
        model.addAttribute("versions", editing.versions());
        return "hazard/catalogue/versions";
    }

    @GetMapping("/versions/{version}")
    @PreAuthorize("hasAuthority('hazard:view')")
    String version(@PathVariable int version, Model model) {
        CatalogueEditing.VersionSummary summary = editing.versions().stream().filter(v -> v.version() == version)
                .findFirst().orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
        model.addAttribute("summary", summary);
        model.addAttribute("changes", editing.changes(version));
        return "hazard/catalogue/version";
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAuthority('hazard:view')")
    void export(Locale locale, HttpServletResponse response) throws IOException {
        attachment(response, "hazard-catalogue-v" + catalogue.currentVersion() + ".xlsx");
        workbook.write(catalogue.categories(), locale, response.getOutputStream());
    }

    @GetMapping("/template.xlsx")
    @PreAuthorize("hasAuthority('hazard:catalogue:edit')")
    void template(Locale locale, HttpServletResponse response) throws IOException {
        attachment(response, "hazard-catalogue-template.xlsx");
        List<Category> example = catalogue.categories().stream().limit(1).toList();
        workbook.write(example, locale, response.getOutputStream());
    }

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('hazard:catalogue:edit')")
    String importForm() {
        return "hazard/catalogue/import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('hazard:catalogue:edit')")
    @Audited("hazard.catalogue.upload")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String note,
                      @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) throws IOException {
        CatalogueEditing.ImportReport report = editing.importFile(file.getInputStream(), note, user);
        List<String[]> problems = new ArrayList<>();
        for (CatalogueEditing.RowProblem p : report.problems()) {
            problems.add(new String[] {p.row() == 0 ? "" : String.valueOf(p.row()), p.code() == null ? "" : p.code(),
                    messages.getMessage("hazard.catalogue.column." + p.problem().field(), null, p.problem().field(),
                            locale), text(p.problem(), locale)});
        }
        model.addAttribute("report", report);
        model.addAttribute("problems", problems);
        return "hazard/catalogue/import";
    }

    private String text(CategoryRules.Problem p, Locale locale) {
        return messages.getMessage(p.key(), p.args(), p.key(), locale);
    }

    static void attachment(HttpServletResponse response, String name) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
