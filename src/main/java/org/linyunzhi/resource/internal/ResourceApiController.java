package org.linyunzhi.resource.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.resource.NearbyResource;
import org.linyunzhi.resource.ResourceKind;
import org.linyunzhi.resource.ResourcePlace;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/resource: teams, shelters, warehouses, stock movements, low-stock alerts, nearest and
 * within-box lookups and dispatches, as JSON, each limited to the caller's data scope (a record
 * outside it answers 404). Bad input answers 400 problem details naming the field.
 */
@RestController
@RequestMapping("/api/resource")
class ResourceApiController {

    private final Places places;
    private final Teams teams;
    private final Shelters shelters;
    private final Warehouses warehouses;
    private final Stock stock;
    private final Dispatches dispatches;

    ResourceApiController(Places places, Teams teams, Shelters shelters, Warehouses warehouses, Stock stock,
                          Dispatches dispatches) {
        this.places = places;
        this.teams = teams;
        this.shelters = shelters;
        this.warehouses = warehouses;
        this.stock = stock;
        this.dispatches = dispatches;
    }

    record Created(UUID id) {
    }

    /** A new status; {@code version} (optional) is the one the caller read, so a stale change answers 409. */
    record StatusChange(String status, Integer version, String comment) {
    }

    /** Fields left null keep their value. */
    record ShelterChange(Boolean open, Integer occupancy, Integer version) {
    }

    record NewItem(String item, String unit, Integer minimum) {
    }

    record MovementRequest(String direction, Integer quantity, String reason) {
    }

    record DispatchRequest(UUID resourceId, String targetKind, UUID targetId, String note) {
    }

    /** A dispatch with the statuses it may move to next and every step so far. */
    record DispatchView(Dispatches.Dispatch dispatch, List<DispatchStatus> next, List<Dispatches.Step> timeline) {
    }

    /** The k (default 5, at most 100) nearest of a kind to a point, nearest first, distances in metres. */
    @GetMapping("/nearest")
    @PreAuthorize("hasAuthority('resource:view')")
    List<NearbyResource> nearest(@RequestParam double lon, @RequestParam double lat, @RequestParam String kind,
                                 @RequestParam(defaultValue = "5") int k) {
        return places.nearest(lon, lat, Fields.oneOf("kind", ResourceKind.class, kind), k, scope());
    }

    /** Resources inside a lon/lat box for a map layer; {@code kinds} repeated or left out for all. */
    @GetMapping("/within")
    @PreAuthorize("hasAuthority('resource:view')")
    List<ResourcePlace> within(@RequestParam double west, @RequestParam double south, @RequestParam double east,
                               @RequestParam double north, @RequestParam(required = false) List<String> kinds,
                               @RequestParam(defaultValue = "2000") int limit) {
        Set<ResourceKind> wanted = EnumSet.noneOf(ResourceKind.class);
        if (kinds != null) {
            kinds.forEach(k -> wanted.add(Fields.oneOf("kinds", ResourceKind.class, k)));
        }
        return places.within(west, south, east, north, wanted, limit, scope());
    }

    /** Teams filtered by type and status, each with its head count. */
    @GetMapping("/teams")
    @PreAuthorize("hasAuthority('resource:view')")
    List<Teams.Listed> teams(@RequestParam(required = false) String type, @RequestParam(required = false) String status) {
        return teams.list(scope(), type == null ? null : Fields.oneOf("type", TeamType.class, type),
                status == null ? null : Fields.oneOf("status", TeamStatus.class, status));
    }

    @GetMapping("/teams/{id}")
    @PreAuthorize("hasAuthority('resource:view')")
    Teams.Team team(@PathVariable UUID id) {
        return teams.find(id, scope()).orElseThrow(ResourceRefused::notFound);
    }

    /** Files a team where its position lies: the micro-grid there becomes its region (400 outside the town or the caller's area). */
    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('resource:edit')")
    @Audited("resource.team.create")
    Created createTeam(@RequestBody Teams.NewTeam team) {
        return new Created(teams.create(team, scope()));
    }

    /** ON_DUTY, STANDBY or OFF; DEPLOYED is 400 (the dispatch sets it) and a deployed team 409. */
    @PutMapping("/teams/{id}/status")
    @PreAuthorize("hasAuthority('resource:edit')")
    @Audited("resource.team.status")
    Teams.Team teamStatus(@PathVariable UUID id, @RequestBody StatusChange change) {
        teams.setStatus(id, change.status(), change.version(), scope());
        return teams.find(id, scope()).orElseThrow(ResourceRefused::notFound);
    }

    @GetMapping("/shelters")
    @PreAuthorize("hasAuthority('resource:view')")
    List<Shelters.Shelter> shelters(@RequestParam(required = false) Boolean open) {
        return shelters.list(scope(), open);
    }

    @GetMapping("/shelters/{id}")
    @PreAuthorize("hasAuthority('resource:view')")
    Shelters.Shelter shelter(@PathVariable UUID id) {
        return shelters.find(id, scope()).orElseThrow(ResourceRefused::notFound);
    }

    @PostMapping("/shelters")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('resource:edit')")
    @Audited("resource.shelter.create")
    Created createShelter(@RequestBody Shelters.NewShelter shelter) {
        return new Created(shelters.create(shelter, scope()));
    }

    /** Opens or closes a shelter and sets how many are in it: not more than it holds, nobody in a closed one. */
    @PutMapping("/shelters/{id}")
    @PreAuthorize("hasAuthority('resource:edit')")
    @Audited("resource.shelter.update")
    Shelters.Shelter updateShelter(@PathVariable UUID id, @RequestBody ShelterChange change) {
        return shelters.update(id, change.open(), change.occupancy(), change.version(), scope());
    }

    @GetMapping("/warehouses")
    @PreAuthorize("hasAuthority('resource:view')")
    List<Warehouses.Listed> warehouses() {
        return warehouses.list(scope());
    }

    @GetMapping("/warehouses/{id}")
    @PreAuthorize("hasAuthority('resource:view')")
    Warehouses.Warehouse warehouse(@PathVariable UUID id) {
        return warehouses.find(id, scope(), stock).orElseThrow(ResourceRefused::notFound);
    }

    @PostMapping("/warehouses")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('resource:edit')")
    @Audited("resource.warehouse.create")
    Created createWarehouse(@RequestBody Warehouses.NewWarehouse warehouse) {
        return new Created(warehouses.create(warehouse, scope()));
    }

    /** A new item with its minimum and no stock yet; stock arrives by an IN movement. */
    @PostMapping("/warehouses/{id}/items")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('resource:edit')")
    @Audited("resource.stock.add")
    Created addItem(@PathVariable UUID id, @RequestBody NewItem item) {
        return new Created(stock.addItem(id, item.item(), item.unit(), item.minimum(), scope()));
    }

    @GetMapping("/stock/{id}/movements")
    @PreAuthorize("hasAuthority('resource:view')")
    List<Stock.Movement> movements(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
        stock.item(id, scope()).orElseThrow(ResourceRefused::notFound);
        if (limit < 1 || limit > 500) {
            throw ResourceRefused.badInput("limit", "resource.error.limit", 500);
        }
        return stock.movements(id, limit);
    }

    /**
     * {@code {"direction": "OUT", "quantity": 20, "reason": "..."}}: 201 with the item as it now is; 409
     * naming what is left when there is not enough, nothing written.
     */
    @PostMapping("/stock/{id}/movements")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('resource:edit')")
    @Audited("resource.stock.move")
    Stock.Item move(@PathVariable UUID id, @RequestBody MovementRequest move) {
        CurrentUser me = CurrentUser.require();
        return stock.move(id, move.direction(), move.quantity(), move.reason(), me.id(), me.displayName(), me.scope());
    }

    /** Items below their minimum, the largest share missing first. */
    @GetMapping("/alerts")
    @PreAuthorize("hasAuthority('resource:view')")
    List<Stock.Alert> alerts() {
        return stock.alerts(scope());
    }

    /** Dispatches, those still out first; {@code open=true} for only those. */
    @GetMapping("/dispatches")
    @PreAuthorize("hasAuthority('resource:view')")
    List<Dispatches.Dispatch> dispatches(@RequestParam(defaultValue = "false") boolean open,
                                         @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ResourceRefused.badInput("limit", "resource.error.limit", 500);
        }
        return dispatches.list(scope(), open, limit);
    }

    @GetMapping("/dispatches/{id}")
    @PreAuthorize("hasAuthority('resource:view')")
    DispatchView dispatch(@PathVariable UUID id) {
        return view(dispatches.find(id, scope()).orElseThrow(ResourceRefused::notFound));
    }

    /** Sends a resource to a HAZARD or an EVENT; 409 when it is already out or the team is off duty. */
    @PostMapping("/dispatches")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('resource:dispatch')")
    @Audited("resource.dispatch.create")
    Created dispatch(@RequestBody DispatchRequest request) {
        CurrentUser me = CurrentUser.require();
        return new Created(dispatches.dispatch(request.resourceId(), request.targetKind(), request.targetId(),
                request.note(), me.id(), me.scope()));
    }

    /** Moves a dispatch on (ARRIVED, RETURNED, CANCELLED) as the transition table allows; 409 otherwise or when stale. */
    @PostMapping("/dispatches/{id}/status")
    @PreAuthorize("hasAuthority('resource:dispatch')")
    @Audited("resource.dispatch.move")
    DispatchView move(@PathVariable UUID id, @RequestBody StatusChange change) {
        CurrentUser me = CurrentUser.require();
        DispatchStatus to = Fields.oneOf("status", DispatchStatus.class, change.status());
        return view(dispatches.move(id, to, change.version(), change.comment(), me.id(), me.scope()));
    }

    private DispatchView view(Dispatches.Dispatch d) {
        return new DispatchView(d, List.copyOf(d.status().next()), dispatches.timeline(d.id()));
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
