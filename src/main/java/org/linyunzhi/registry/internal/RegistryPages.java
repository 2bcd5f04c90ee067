package org.linyunzhi.registry.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * The registry's list and detail pages. A filter the list cannot use is shown beside the form with
 * a 400 and an empty list; records outside the viewer's scope answer 404.
 */
@Controller
@RequestMapping("/registry")
class RegistryPages {

    static final String HOUSES = "registry/houses";
    static final String HOUSE = "registry/house";
    static final String RESIDENTS = "registry/residents";
    static final String RESIDENT = "registry/resident";
    static final String ORGANISATIONS = "registry/organisations";
    static final String ORGANISATION = "registry/organisation";
    static final int PAGE_SIZE = 20;

    private final RegistryReads reads;
    private final Houses houses;
    private final PiiReveal reveal;
    private final ResidentExport export;
    private final MessageSource messages;

    RegistryPages(RegistryReads reads, Houses houses, PiiReveal reveal, ResidentExport export, MessageSource messages) {
        this.reads = reads;
        this.houses = houses;
        this.reveal = reveal;
        this.export = export;
        this.messages = messages;
    }

    @GetMapping({"", "/"})
    @PreAuthorize("hasAuthority('registry:view')")
    String index() {
        return "redirect:/registry/houses";
    }

    @GetMapping("/houses")
    @PreAuthorize("hasAuthority('registry:view')")
    String houses(@RequestParam(required = false) String q, @RequestParam(required = false) String use,
                  @RequestParam(required = false) String rented, @RequestParam(required = false) String region,
                  @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response, Locale locale) {
        model.addAttribute("q", q).addAttribute("use", use).addAttribute("rented", rented).addAttribute("region", region)
                .addAttribute("uses", HouseUse.values());
        DataScope scope = CurrentUser.require().scope();
        return list(model, response, locale, HOUSES,
                () -> reads.houses(q, use, rented, region, page, PAGE_SIZE, scope));
    }

    @GetMapping("/houses/{id}")
    @PreAuthorize("hasAuthority('registry:view')")
    String house(@PathVariable UUID id, Model model) {
        DataScope scope = CurrentUser.require().scope();
        model.addAttribute("house", reads.house(id, scope).orElseThrow(RegistryPages::notFound));
        model.addAttribute("residents", reads.residentsOf(id, scope));
        model.addAttribute("uses", HouseUse.values());
        return HOUSE;
    }

    /** Corrects a house's use and whether it is let (registry:edit); a stale form answers 409 with the house as it is now. */
    @PostMapping("/houses/{id}")
    @PreAuthorize("hasAuthority('registry:edit')")
    @Audited("registry.house.edit")
    String editHouse(@PathVariable UUID id, @RequestParam(required = false) String use,
                     @RequestParam(defaultValue = "false") boolean rented, @RequestParam(defaultValue = "-1") int version,
                     Model model, HttpServletResponse response, Locale locale) {
        DataScope scope = CurrentUser.require().scope();
        reads.house(id, scope).orElseThrow(RegistryPages::notFound);
        HouseUse parsed = HouseUse.parse(use).orElse(null);
        if (parsed == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("editError", messages.getMessage("registry.search.unknown", new Object[] {use}, locale));
        } else if (!houses.edit(id, version, parsed, rented, scope)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("editError", messages.getMessage("registry.house.changed", null, locale));
        } else {
            return "redirect:/registry/houses/" + id;
        }
        return house(id, model);
    }

    @GetMapping("/residents")
    @PreAuthorize("hasAuthority('registry:view')")
    String residents(@RequestParam(required = false) String name, @RequestParam(required = false) String number,
                     @RequestParam(required = false) String tag, @RequestParam(required = false) String region,
                     @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response,
                     Locale locale) {
        model.addAttribute("name", name).addAttribute("tag", tag)
                .addAttribute("region", region).addAttribute("tags", ResidentTag.values());
        DataScope scope = CurrentUser.require().scope();
        return list(model, response, locale, RESIDENTS,
                () -> reads.residents(name, number, tag, region, page, PAGE_SIZE, scope));
    }

    @GetMapping("/residents/{id}")
    @PreAuthorize("hasAuthority('registry:view')")
    String resident(@PathVariable UUID id, Model model) {
        model.addAttribute("resident", reads.resident(id, CurrentUser.require().scope())
                .orElseThrow(RegistryPages::notFound));
        return RESIDENT;
    }

    /** The clear number, as the small fragment htmx swaps in for the masked one. Audited: who, whose, which. */
    @PostMapping("/residents/{id}/reveal")
    @PreAuthorize("hasAuthority('registry:pii:reveal')")
    @Audited("registry.pii.reveal")
    String reveal(@PathVariable UUID id, @RequestParam String field, Model model) {
        PiiReveal.What what = Codes.parse(PiiReveal.What.class, field).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.BAD_REQUEST, "field must be ID_NUMBER or PHONE"));
        model.addAttribute("value", reveal.reveal(id, what, CurrentUser.require()).orElseThrow(RegistryPages::notFound));
        return RESIDENT + " :: revealed";
    }

    /** The residents of the list's filter as .xlsx, numbers masked whoever asks (a bulk reveal is not offered). */
    @GetMapping("/residents/export")
    @PreAuthorize("hasAuthority('registry:view')")
    ResponseEntity<byte[]> exportResidents(@RequestParam(required = false) String name,
                                           @RequestParam(required = false) String number,
                                           @RequestParam(required = false) String tag,
                                           @RequestParam(required = false) String region, Locale locale) {
        try {
            return RegistryApiController.xlsx(export.residents(name, number, tag, region,
                    CurrentUser.require().scope(), locale), "residents.xlsx");
        } catch (BadSearch bad) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, bad.getMessage());
        }
    }

    @GetMapping("/organisations")
    @PreAuthorize("hasAuthority('registry:view')")
    String organisations(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                         @RequestParam(defaultValue = "false") boolean dedicated,
                         @RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
                         Model model, HttpServletResponse response, Locale locale) {
        model.addAttribute("q", q).addAttribute("type", type).addAttribute("dedicated", dedicated)
                .addAttribute("region", region).addAttribute("types", OrgType.values());
        DataScope scope = CurrentUser.require().scope();
        return list(model, response, locale, ORGANISATIONS,
                () -> reads.organisations(q, type, dedicated, region, page, PAGE_SIZE, scope));
    }

    @GetMapping("/organisations/{id}")
    @PreAuthorize("hasAuthority('registry:view')")
    String organisation(@PathVariable UUID id, Model model) {
        model.addAttribute("org", reads.organisation(id, CurrentUser.require().scope())
                .orElseThrow(RegistryPages::notFound));
        return ORGANISATION;
    }

    private String list(Model model, HttpServletResponse response, Locale locale, String view,
                        java.util.function.Supplier<RegistryViews.Page<?>> query) {
        try {
            model.addAttribute("page", query.get());
        } catch (BadSearch bad) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", messages.getMessage(bad.messageKey, bad.args, locale));
            model.addAttribute("errorField", bad.field);
            model.addAttribute("page", new RegistryViews.Page<>(java.util.List.of(), 0, PAGE_SIZE, 0));
        }
        return view;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such record in your area");
    }
}
