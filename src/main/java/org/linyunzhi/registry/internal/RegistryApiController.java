package org.linyunzhi.registry.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.registry.PlaceFilter;
import org.linyunzhi.registry.PlaceKind;
import org.linyunzhi.registry.RegistryApi;
import org.linyunzhi.registry.RegistryPlace;
import org.linyunzhi.registry.internal.RegistryViews.HouseView;
import org.linyunzhi.registry.internal.RegistryViews.OrganisationView;
import org.linyunzhi.registry.internal.RegistryViews.Page;
import org.linyunzhi.registry.internal.RegistryViews.ResidentView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * /api/registry: houses, residents (numbers masked), organisations, places, the audited reveal of
 * one number, and imports. Bad input answers 400 problem details naming the parameter; records
 * outside the caller's data scope answer 404.
 */
@RestController
@RequestMapping("/api/registry")
class RegistryApiController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RegistryReads reads;
    private final PiiReveal reveal;
    private final RegistryImports imports;
    private final Imports jobs;
    private final ImportTemplates templates;
    private final RegistryApi places;

    RegistryApiController(RegistryReads reads, PiiReveal reveal, RegistryImports imports, Imports jobs,
                          ImportTemplates templates, RegistryApi places) {
        this.reads = reads;
        this.reveal = reveal;
        this.imports = imports;
        this.jobs = jobs;
        this.templates = templates;
        this.places = places;
    }

    @GetMapping("/houses")
    @PreAuthorize("hasAuthority('registry:view')")
    Page<HouseView> houses(@RequestParam(required = false) String q, @RequestParam(required = false) String use,
                           @RequestParam(required = false) String rented, @RequestParam(required = false) String region,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return reads.houses(q, use, rented, region, page, size, CurrentUser.require().scope());
    }

    @GetMapping("/houses/{id}")
    @PreAuthorize("hasAuthority('registry:view')")
    Map<String, Object> house(@PathVariable UUID id) {
        var scope = CurrentUser.require().scope();
        HouseView house = reads.house(id, scope).orElseThrow(RegistryProblems::notFound);
        return Map.of("house", house, "residents", reads.residentsOf(id, scope));
    }

    @GetMapping("/residents")
    @PreAuthorize("hasAuthority('registry:view')")
    Page<ResidentView> residents(@RequestParam(required = false) String name,
                                 @RequestParam(required = false) String number, @RequestParam(required = false) String tag,
                                 @RequestParam(required = false) String region,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return reads.residents(name, number, tag, region, page, size, CurrentUser.require().scope());
    }

    @GetMapping("/residents/{id}")
    @PreAuthorize("hasAuthority('registry:view')")
    ResidentView resident(@PathVariable UUID id) {
        return reads.resident(id, CurrentUser.require().scope()).orElseThrow(RegistryProblems::notFound);
    }

    record RevealRequest(String field) {
    }

    record Revealed(UUID resident, String field, String value) {
    }

    /** The clear number of one resident: {@code {"field": "ID_NUMBER"}} or PHONE. Audited. */
    @PostMapping("/residents/{id}/reveal")
    @PreAuthorize("hasAuthority('registry:pii:reveal')")
    @Audited("registry.pii.reveal")
    Revealed reveal(@PathVariable UUID id, @RequestBody RevealRequest request) {
        PiiReveal.What what = what(request == null ? null : request.field());
        String value = reveal.reveal(id, what, CurrentUser.require()).orElseThrow(RegistryProblems::notFound);
        return new Revealed(id, what.name(), value);
    }

    @GetMapping("/organisations")
    @PreAuthorize("hasAuthority('registry:view')")
    Page<OrganisationView> organisations(@RequestParam(required = false) String q,
                                         @RequestParam(required = false) String type,
                                         @RequestParam(defaultValue = "false") boolean dedicated,
                                         @RequestParam(required = false) String region,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "20") int size) {
        return reads.organisations(q, type, dedicated, region, page, size, CurrentUser.require().scope());
    }

    @GetMapping("/organisations/{id}")
    @PreAuthorize("hasAuthority('registry:view')")
    OrganisationView organisation(@PathVariable UUID id) {
        return reads.organisation(id, CurrentUser.require().scope()).orElseThrow(RegistryProblems::notFound);
    }

    /**
     * Places (houses and organisations) as RegistryApi gives them to other modules, limited to the
     * caller's scope: the region asked for must lie in it (the caller's own region when none is given).
     */
    @GetMapping("/places")
    @PreAuthorize("hasAuthority('registry:view')")
    List<RegistryPlace> places(@RequestParam(required = false) String kind,
                               @RequestParam(required = false) List<String> orgType,
                               @RequestParam(required = false) String houseUse,
                               @RequestParam(required = false) Boolean rented,
                               @RequestParam(required = false) String region,
                               @RequestParam(defaultValue = "100") int limit) {
        var scope = CurrentUser.require().scope();
        PlaceKind k = null;
        if (kind != null && !kind.isBlank()) {
            k = Codes.parse(PlaceKind.class, kind).orElseThrow(() -> new BadSearch("kind", "registry.search.unknown", kind));
        }
        if (limit < 1 || limit > 5000) {
            throw new BadSearch("limit", "registry.search.size", 5000);
        }
        String within = region == null || region.isBlank() ? scope.regionCode() : region.strip();
        if (within != null && !scope.coversRegion(within)) {
            throw RegistryProblems.notFound();
        }
        try {
            return places.places(new PlaceFilter(k, orgType == null ? null : Set.copyOf(orgType), houseUse, rented,
                    within, null, null, null), limit);
        } catch (IllegalArgumentException e) {
            throw new BadSearch("filter", "registry.search.filter", e.getMessage());
        }
    }

    // ---- imports

    record Started(UUID id, String status) {
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('registry:import')")
    @Audited("registry.import.upload")
    ResponseEntity<Started> upload(@RequestParam String kind, @RequestParam String department,
                                   @RequestParam MultipartFile file) throws IOException {
        UUID id = imports.start(kind(kind), department(department), file.getOriginalFilename(), file.getBytes(),
                CurrentUser.require());
        return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/api/registry/imports/" + id)
                .body(new Started(id, ImportJob.Status.PARSING.name()));
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize("hasAuthority('registry:import')")
    ImportJob job(@PathVariable UUID id) {
        return jobs.find(id, CurrentUser.require().id()).orElseThrow(RegistryProblems::notFound);
    }

    @PostMapping("/imports/{id}/commit")
    @PreAuthorize("hasAuthority('registry:import')")
    @Audited("registry.import.commit")
    ImportPreview commit(@PathVariable UUID id) {
        try {
            return imports.commit(id, CurrentUser.require());
        } catch (RegistryImports.StaleImport stale) {
            imports.markInvalid(id, stale.preview);
            throw new ImportRefused(HttpStatus.CONFLICT, "registry.import.stale");
        }
    }

    @PostMapping("/imports/{id}/cancel")
    @PreAuthorize("hasAuthority('registry:import')")
    @Audited("registry.import.cancel")
    ResponseEntity<Void> cancel(@PathVariable UUID id) {
        imports.cancel(id, CurrentUser.require());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/imports/templates/{kind}")
    @PreAuthorize("hasAuthority('registry:import')")
    ResponseEntity<byte[]> template(@PathVariable String kind, Locale locale) {
        return xlsx(templates.template(kind(kind), locale), "registry-" + kind(kind).name().toLowerCase() + ".xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString()).body(body);
    }

    static ImportKind kind(String text) {
        return ImportKind.parse(text).orElseThrow(() -> new BadSearch("kind", "registry.search.unknown", text));
    }

    static Department department(String text) {
        return Department.parse(text).orElseThrow(() -> new BadSearch("department", "registry.search.unknown", text));
    }

    static PiiReveal.What what(String text) {
        return Codes.parse(PiiReveal.What.class, text)
                .orElseThrow(() -> new BadSearch("field", "registry.search.unknown", text));
    }
}
