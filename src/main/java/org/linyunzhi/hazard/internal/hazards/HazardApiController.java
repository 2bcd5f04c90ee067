package org.linyunzhi.hazard.internal.hazards;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The hazard API: lists, one hazard, grid reports, event intake (idempotent), photos and the lifecycle's actions. */
@RestController
@RequestMapping("/api/hazard")
@Tag(name = "Hazards", description = "风险隐患: found, ordered, rectified, re-inspected, closed")
class HazardApiController {

    private final HazardLifecycle lifecycle;
    private final HazardSearch search;
    private final HazardDetails details;
    private final HazardPhotos photos;

    HazardApiController(HazardLifecycle lifecycle, HazardSearch search, HazardDetails details, HazardPhotos photos) {
        this.lifecycle = lifecycle;
        this.search = search;
        this.details = details;
        this.photos = photos;
    }

    /** A grid report: what, which category, where; photos uploaded before with POST /photos. */
    record GridReport(String title, String description, String categoryCode, Integer level, String responsibleParty,
                      Double lon, Double lat, List<UUID> photoIds) {
    }

    /** A hazard an event (command center, device, upstream) found; {@code externalId} makes a resend harmless. */
    record EventReport(String externalId, String title, String description, String categoryCode, Integer level,
                       String responsibleParty, Double lon, Double lat, Instant foundAt) {
    }

    /** The body of every action; {@code version}: the hazard's version as last read. */
    record ActionBody(Integer version, String note, List<UUID> photoIds) {
    }

    record StoredPhoto(UUID id) {
    }

    @GetMapping("/hazards")
    @PreAuthorize("hasAuthority('hazard:view')")
    @Operation(summary = "Hazards in the caller's scope, filtered, sorted (found, deadline, level, number) and paged")
    HazardSearch.Page list(@ParameterObject HazardFilter filter, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CurrentUser user) {
        return search.search(filter, user.scope(), page, size);
    }

    @GetMapping("/hazards/{id}")
    @PreAuthorize("hasAuthority('hazard:view')")
    @Operation(summary = "One hazard with its timeline, photos and the actions open to the caller")
    HazardView show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return details.view(id, user);
    }

    @PostMapping("/hazards")
    @PreAuthorize("hasAuthority('hazard:report')")
    @Audited("hazard.report")
    @Operation(summary = "Report a hazard seen on the ground (grid report): routed to its micro-grid, deadline from the category")
    ResponseEntity<HazardView> report(@RequestBody GridReport body, @AuthenticationPrincipal CurrentUser user) {
        requirePosition(body.lon(), body.lat());
        HazardReport report = new HazardReport(body.title(), body.description(), body.categoryCode(), body.level(),
                HazardSource.GRID_REPORT.name(), null, null, null, null, body.responsibleParty(), body.lon(), body.lat(),
                body.photoIds(), null);
        Hazard hazard = lifecycle.report(report, lifecycle.actor(user), user.id()).hazard();
        return ResponseEntity.status(HttpStatus.CREATED).body(details.view(hazard.id(), user));
    }

    @PostMapping("/events")
    @PreAuthorize("hasAuthority('hazard:intake')")
    @Audited("hazard.intake")
    @Operation(summary = "File a hazard found by an event; a repeat of the external id answers 200 with the first hazard")
    ResponseEntity<HazardView> event(@RequestBody EventReport body, @AuthenticationPrincipal CurrentUser user) {
        requirePosition(body.lon(), body.lat());
        HazardReport report = new HazardReport(body.title(), body.description(), body.categoryCode(), body.level(),
                HazardSource.EVENT.name(), body.externalId(), null, null, null, body.responsibleParty(), body.lon(),
                body.lat(), List.of(), body.foundAt());
        HazardLifecycle.Filing filing = lifecycle.report(report, lifecycle.onBehalfOf(user.id(), user.displayName()),
                user.id());
        return ResponseEntity.status(filing.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(HazardView.brief(filing.hazard(), null));
    }

    @PostMapping(value = "/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyAuthority('hazard:report', 'hazard:rectify')")
    @Audited("hazard.photo")
    @Operation(summary = "Store a photo (JPEG, PNG or WebP by content) for a report (stage FOUND) or evidence (EVIDENCE)")
    ResponseEntity<StoredPhoto> photo(@RequestParam("file") MultipartFile file,
                                      @RequestParam(defaultValue = "FOUND") HazardPhotos.Stage stage,
                                      @AuthenticationPrincipal CurrentUser user) throws IOException {
        if (file.getSize() > photos.maxSize().toBytes()) {
            throw new HazardRefused(HazardRefused.Kind.TOO_LARGE, "hazard.error.photoTooLarge", "file",
                    file.getOriginalFilename(), photos.maxSize().toMegabytes());
        }
        UUID id = photos.store(file.getBytes(), file.getOriginalFilename(), stage, user.id(), "file");
        return ResponseEntity.status(HttpStatus.CREATED).body(new StoredPhoto(id));
    }

    @GetMapping("/hazards/{id}/photos/{photoId}")
    @PreAuthorize("hasAuthority('hazard:view')")
    ResponseEntity<byte[]> photoContent(@PathVariable UUID id, @PathVariable UUID photoId,
                                        @AuthenticationPrincipal CurrentUser user) {
        HazardPhotos.Content content = details.photo(id, photoId, user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(content.bytes());
    }

    @PostMapping("/hazards/{id}/order")
    @PreAuthorize("hasAuthority('hazard:order')")
    @Audited("hazard.order")
    @Operation(summary = "Issue the rectification order (整改通知) to the responsible party")
    HazardView order(@PathVariable UUID id, @RequestBody(required = false) ActionBody body,
                     @AuthenticationPrincipal CurrentUser user) {
        ActionBody b = orEmpty(body);
        return details.view(lifecycle.order(id, b.version(), user, b.note()), user);
    }

    @PostMapping("/hazards/{id}/start")
    @PreAuthorize("hasAuthority('hazard:rectify')")
    @Audited("hazard.start")
    HazardView start(@PathVariable UUID id, @RequestBody(required = false) ActionBody body,
                     @AuthenticationPrincipal CurrentUser user) {
        ActionBody b = orEmpty(body);
        return details.view(lifecycle.startRectifying(id, b.version(), user, b.note()), user);
    }

    @PostMapping("/hazards/{id}/evidence")
    @PreAuthorize("hasAuthority('hazard:rectify')")
    @Audited("hazard.evidence")
    @Operation(summary = "Submit the rectification evidence: a note and photos stored before (stage EVIDENCE)")
    HazardView evidence(@PathVariable UUID id, @RequestBody(required = false) ActionBody body,
                        @AuthenticationPrincipal CurrentUser user) {
        ActionBody b = orEmpty(body);
        return details.view(lifecycle.submitEvidence(id, b.version(), user, b.note(), b.photoIds()), user);
    }

    @PostMapping("/hazards/{id}/pass")
    @PreAuthorize("hasAuthority('hazard:verify')")
    @Audited("hazard.pass")
    @Operation(summary = "Re-inspection passed: the hazard is closed")
    HazardView pass(@PathVariable UUID id, @RequestBody(required = false) ActionBody body,
                    @AuthenticationPrincipal CurrentUser user) {
        ActionBody b = orEmpty(body);
        return details.view(lifecycle.verify(id, b.version(), user, true, b.note()), user);
    }

    @PostMapping("/hazards/{id}/fail")
    @PreAuthorize("hasAuthority('hazard:verify')")
    @Audited("hazard.fail")
    @Operation(summary = "Re-inspection failed: back to rectification; the note is the reason and is required")
    HazardView fail(@PathVariable UUID id, @RequestBody(required = false) ActionBody body,
                    @AuthenticationPrincipal CurrentUser user) {
        ActionBody b = orEmpty(body);
        return details.view(lifecycle.verify(id, b.version(), user, false, b.note()), user);
    }

    private static ActionBody orEmpty(ActionBody body) {
        return body == null ? new ActionBody(null, null, null) : body;
    }

    private static void requirePosition(Double lon, Double lat) {
        if (lon == null) {
            throw HazardRefused.badInput("lon", "hazard.error.positionRequired");
        }
        if (lat == null) {
            throw HazardRefused.badInput("lat", "hazard.error.positionRequired");
        }
    }
}
