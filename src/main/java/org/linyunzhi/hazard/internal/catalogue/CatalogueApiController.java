package org.linyunzhi.hazard.internal.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartFile;

/** The catalogue API: classes and categories, one category as of a version, edits, versions, Excel in and out. */
@RestController
@RequestMapping("/api/hazard/catalogue")
@Tag(name = "Hazard catalogue", description = "风险隐患目录: classes, categories, levels, versions")
class CatalogueApiController {

    private final Catalogue catalogue;
    private final CatalogueEditing editing;
    private final CatalogueWorkbook workbook;

    CatalogueApiController(Catalogue catalogue, CatalogueEditing editing, CatalogueWorkbook workbook) {
        this.catalogue = catalogue;
        this.editing = editing;
        this.workbook = workbook;
    }

    record CatalogueView(int version, List<HazardClass> classes, List<Category> categories) {
    }

    record Edit(String code, String name, String level, String department, String days, String description,
                String active, String note) {
    }

    record Saved(Integer version, int added, int changed, int deactivated) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('hazard:view')")
    @Operation(summary = "The current catalogue: version, the five classes and every category")
    CatalogueView current() {
        return new CatalogueView(catalogue.currentVersion(), catalogue.classes(), catalogue.categories());
    }

    @GetMapping("/categories/{code}")
    @PreAuthorize("hasAuthority('hazard:view')")
    @Operation(summary = "One category, now or as it stood in a given catalogue version")
    Category category(@PathVariable String code, @RequestParam(required = false) Integer version) {
        return (version == null ? catalogue.category(code) : catalogue.categoryAsOf(code, version))
                .orElseThrow(() -> new CatalogueRefused(List.of(new CategoryRules.Problem("code",
                        "hazard.catalogue.error.unknown", code))));
    }

    @PostMapping("/categories")
    @PreAuthorize("hasAuthority('hazard:catalogue:edit')")
    @Audited("hazard.catalogue.edit")
    @Operation(summary = "Add or change one category; published as a new catalogue version when anything differs")
    Saved save(@RequestBody Edit edit, @AuthenticationPrincipal CurrentUser user) {
        CataloguePublisher.Published p = editing.save(new CategoryRules.Draft(edit.code(), edit.name(), edit.level(),
                edit.department(), edit.days(), edit.description(), edit.active()), edit.note(), user);
        return new Saved(p.version().orElse(null), p.added(), p.changed(), p.deactivated());
    }

    @GetMapping("/versions")
    @PreAuthorize("hasAuthority('hazard:view')")
    List<CatalogueEditing.VersionSummary> versions() {
        return editing.versions();
    }

    @GetMapping("/versions/{version}")
    @PreAuthorize("hasAuthority('hazard:view')")
    @Operation(summary = "What a version changed: each category with its state before and after")
    List<CatalogueEditing.Change> changes(@PathVariable int version) {
        return editing.changes(version);
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('hazard:catalogue:edit')")
    @Audited("hazard.catalogue.upload")
    @Operation(summary = "Import an .xlsx: all rows or nothing; 400 with every bad row when any is wrong")
    ResponseEntity<CatalogueEditing.ImportReport> importFile(@RequestParam("file") MultipartFile file,
                                                             @RequestParam(required = false) String note,
                                                             @AuthenticationPrincipal CurrentUser user)
            throws IOException {
        CatalogueEditing.ImportReport report = editing.importFile(file.getInputStream(), note, user);
        return ResponseEntity.status(report.unreadable() || !report.problems().isEmpty() ? HttpStatus.BAD_REQUEST
                : HttpStatus.OK).body(report);
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAuthority('hazard:view')")
    void export(Locale locale, HttpServletResponse response) throws IOException {
        CataloguePages.attachment(response, "hazard-catalogue-v" + catalogue.currentVersion() + ".xlsx");
        workbook.write(catalogue.categories(), locale, response.getOutputStream());
    }

    /** Problem details for refused edits, naming the first field at fault and listing all. */
    @RestControllerAdvice(assignableTypes = CatalogueApiController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Problems {

        private final MessageSource messages;

        Problems(MessageSource messages) {
            this.messages = messages;
        }

        @ExceptionHandler
        ProblemDetail refused(CatalogueRefused e, Locale locale) {
            boolean unknown = e.problems.size() == 1 && "hazard.catalogue.error.unknown".equals(e.problems.get(0).key());
            List<String> details = e.problems.stream()
                    .map(p -> p.field() + ": " + messages.getMessage(p.key(), p.args(), p.key(), locale)).toList();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(unknown ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
                    String.join("; ", details));
            problem.setType(URI.create("urn:linyunzhi:hazard:catalogue"));
            problem.setProperty("field", e.problems.get(0).field());
            problem.setProperty("errors", details);
            return problem;
        }
    }
}
