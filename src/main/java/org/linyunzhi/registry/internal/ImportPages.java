package org.linyunzhi.registry.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import wizard: 1 choose kind and department and download the template, 2 upload, 3 watch the
 * check's progress, 4 read the preview (new, merged, conflicts, errors), 5 commit or cancel.
 */
@Controller
@RequestMapping("/registry/imports")
class ImportPages {

    static final String IMPORTS = "registry/imports";
    static final String IMPORT = "registry/import";

    private final RegistryImports imports;
    private final Imports jobs;
    private final ImportTemplates templates;
    private final MessageSource messages;

    ImportPages(RegistryImports imports, Imports jobs, ImportTemplates templates, MessageSource messages) {
        this.imports = imports;
        this.jobs = jobs;
        this.templates = templates;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('registry:import')")
    String imports(Model model) {
        return form(model, null, null, null);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('registry:import')")
    @Audited("registry.import.upload")
    String upload(@RequestParam(required = false) String kind, @RequestParam(required = false) String department,
                  @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
                  Locale locale) throws IOException {
        String problem = null;
        ImportKind k = ImportKind.parse(kind).orElse(null);
        Department d = Department.parse(department).orElse(null);
        if (k == null) {
            problem = messages.getMessage("registry.import.chooseKind", null, locale);
        } else if (d == null) {
            problem = messages.getMessage("registry.import.chooseDepartment", null, locale);
        } else if (file == null || file.isEmpty()) {
            problem = messages.getMessage("registry.import.empty", null, locale);
        } else {
            try {
                UUID id = imports.start(k, d, file.getOriginalFilename(), file.getBytes(), CurrentUser.require());
                return "redirect:/registry/imports/" + id;
            } catch (ImportRefused refused) {
                response.setStatus(refused.status().value());
                problem = messages.getMessage(refused.messageKey(), refused.args(), locale);
            }
        }
        if (response.getStatus() < 400) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return form(model, kind, department, problem);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('registry:import')")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.find(id, CurrentUser.require().id()).orElseThrow(RegistryPages::notFound));
        return IMPORT;
    }

    /** The part of the job page that htmx polls while the file is being checked. */
    @GetMapping("/{id}/status")
    @PreAuthorize("hasAuthority('registry:import')")
    String status(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.find(id, CurrentUser.require().id()).orElseThrow(RegistryPages::notFound));
        return IMPORT + " :: job";
    }

    @PostMapping("/{id}/commit")
    @PreAuthorize("hasAuthority('registry:import')")
    @Audited("registry.import.commit")
    String commit(@PathVariable UUID id, RedirectAttributes flash, Model model, HttpServletResponse response,
                  Locale locale) {
        try {
            imports.commit(id, CurrentUser.require());
            flash.addFlashAttribute("committed", true);
            return "redirect:/registry/imports/" + id;
        } catch (RegistryImports.StaleImport stale) {
            imports.markInvalid(id, stale.preview);
            return refusedCommit(id, model, response, new ImportRefused(HttpStatus.CONFLICT, "registry.import.stale"),
                    locale);
        } catch (ImportRefused refused) {
            return refusedCommit(id, model, response, refused, locale);
        }
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('registry:import')")
    @Audited("registry.import.cancel")
    String cancel(@PathVariable UUID id, Model model, HttpServletResponse response, Locale locale) {
        try {
            imports.cancel(id, CurrentUser.require());
            return "redirect:/registry/imports/" + id;
        } catch (ImportRefused refused) {
            return refusedCommit(id, model, response, refused, locale);
        }
    }

    @GetMapping("/template/{kind}")
    @PreAuthorize("hasAuthority('registry:import')")
    ResponseEntity<byte[]> template(@PathVariable String kind, Locale locale) {
        ImportKind k = ImportKind.parse(kind).orElseThrow(RegistryPages::notFound);
        return RegistryApiController.xlsx(templates.template(k, locale), "registry-" + k.name().toLowerCase() + ".xlsx");
    }

    private String refusedCommit(UUID id, Model model, HttpServletResponse response, ImportRefused refused,
                                 Locale locale) {
        if (refused.status() == HttpStatus.NOT_FOUND) {
            throw RegistryPages.notFound();
        }
        response.setStatus(refused.status().value());
        model.addAttribute("error", messages.getMessage(refused.messageKey(), refused.args(), locale));
        return job(id, model);
    }

    private String form(Model model, String kind, String department, String problem) {
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("departments", Department.values());
        model.addAttribute("kind", kind);
        model.addAttribute("department", department);
        model.addAttribute("error", problem);
        model.addAttribute("recent", jobs.recent(CurrentUser.require().id(), 20));
        return IMPORTS;
    }
}
