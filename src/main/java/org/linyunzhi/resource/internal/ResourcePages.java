package org.linyunzhi.resource.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.resource.NearbyResource;
import org.linyunzhi.resource.ResourceKind;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resource pages: an overview, lists and details of teams, shelters and warehouses, the stock
 * movement form, low-stock alerts, dispatches with their timeline, a small map and the "nearest to
 * a point" lookup. Everything is limited to the viewer's data scope (outside it: 404). A refused
 * change comes back as an inline message with the form as it was typed.
 */
@Controller
@RequestMapping("/resource")
@PreAuthorize("hasAuthority('resource:view')")
class ResourcePages {

    static final int NEAREST_PER_KIND = 3;

    private final Teams teams;
    private final Shelters shelters;
    private final Warehouses warehouses;
    private final Stock stock;
    private final Dispatches dispatches;
    private final Places places;
    private final MessageSource messages;

    ResourcePages(Teams teams, Shelters shelters, Warehouses warehouses, Stock stock, Dispatches dispatches,
                  Places places, MessageSource messages) {
        this.teams = teams;
        this.shelters = shelters;
        this.warehouses = warehouses;
        this.stock = stock;
        this.dispatches = dispatches;
        this.places = places;
        this.messages = messages;
    }

    /** The overview: counts that say at a glance what is ready, what is out and what is running low. */
    @GetMapping
    String home(Model model) {
        DataScope scope = scope();
        List<Teams.Listed> allTeams = teams.list(scope, null, null);
        List<Shelters.Shelter> allShelters = shelters.list(scope, null);
        model.addAttribute("teams", allTeams.size());
        model.addAttribute("teamsReady", allTeams.stream().filter(t -> t.status() == TeamStatus.ON_DUTY).count());
        model.addAttribute("teamsDeployed", allTeams.stream().filter(t -> t.status() == TeamStatus.DEPLOYED).count());
        model.addAttribute("shelters", allShelters.size());
        model.addAttribute("sheltersOpen", allShelters.stream().filter(Shelters.Shelter::open).count());
        model.addAttribute("nightCapacity", allShelters.stream().mapToInt(Shelters.Shelter::capacityNight).sum());
        model.addAttribute("sheltered", allShelters.stream().mapToInt(Shelters.Shelter::occupancy).sum());
        model.addAttribute("warehouses", warehouses.list(scope).size());
        model.addAttribute("alerts", stock.alerts(scope).size());
        model.addAttribute("openDispatches", dispatches.list(scope, true, 500).size());
        return "resource/home";
    }

    /** Teams, filtered by type and status from the form or a card on the overview. */
    @GetMapping("/teams")
    String teams(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
                 Model model) {
        TeamType t = parse(TeamType.class, type);
        TeamStatus s = parse(TeamStatus.class, status);
        model.addAttribute("teams", teams.list(scope(), t, s));
        model.addAttribute("types", TeamType.values());
        model.addAttribute("statuses", TeamStatus.values());
        model.addAttribute("type", t);
        model.addAttribute("status", s);
        return "resource/teams";
    }

    /** A team with the statuses a person may choose (not DEPLOYED: that is its dispatch's). */
    @GetMapping("/teams/{id}")
    String team(@PathVariable UUID id, Model model) {
        Teams.Team team = teams.find(id, scope()).orElseThrow(ResourcePages::notFound);
        model.addAttribute("team", team);
        model.addAttribute("settable", List.of(TeamStatus.ON_DUTY, TeamStatus.STANDBY, TeamStatus.OFF));
        return withDispatches(model, id, "resource/team");
    }

    /** Sets a team's readiness; the version from the form refuses a change made on a stale page. */
    @PostMapping("/teams/{id}/status")
    @PreAuthorize("hasAuthority('resource:edit')")
    @Audited("resource.team.status")
    String teamStatus(@PathVariable UUID id, @RequestParam String status, @RequestParam(required = false) Integer version,
                      RedirectAttributes redirect) {
        return attempt(redirect, "/resource/teams/" + id, () -> teams.setStatus(id, status, version, scope()));
    }

    @GetMapping("/shelters")
    String shelters(@RequestParam(required = false) Boolean open, Model model) {
        model.addAttribute("shelters", shelters.list(scope(), open));
        model.addAttribute("open", open);
        return "resource/shelters";
    }

    @GetMapping("/shelters/{id}")
    String shelter(@PathVariable UUID id, Model model) {
        model.addAttribute("shelter", shelters.find(id, scope()).orElseThrow(ResourcePages::notFound));
        return withDispatches(model, id, "resource/shelter");
    }

    /** Opens or closes a shelter with its occupancy; an unticked box means closed, an empty number nobody. */
    @PostMapping("/shelters/{id}")
    @PreAuthorize("hasAuthority('resource:edit')")
    @Audited("resource.shelter.update")
    String updateShelter(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean open,
                         @RequestParam(required = false) Integer occupancy, @RequestParam(required = false) Integer version,
                         RedirectAttributes redirect) {
        return attempt(redirect, "/resource/shelters/" + id,
                () -> shelters.update(id, open, occupancy == null ? 0 : occupancy, version, scope()));
    }

    @GetMapping("/warehouses")
    String warehouses(Model model) {
        model.addAttribute("warehouses", warehouses.list(scope()));
        return "resource/warehouses";
    }

    @GetMapping("/warehouses/{id}")
    String warehouse(@PathVariable UUID id, Model model) {
        model.addAttribute("warehouse", warehouses.find(id, scope(), stock).orElseThrow(ResourcePages::notFound));
        return withDispatches(model, id, "resource/warehouse");
    }

    /** A new item starts at zero; its stock arrives by an IN movement on the item's page. */
    @PostMapping("/warehouses/{id}/items")
    @PreAuthorize("hasAuthority('resource:edit')")
    @Audited("resource.stock.add")
    String addItem(@PathVariable UUID id, @RequestParam(required = false) String item,
                   @RequestParam(required = false) String unit, @RequestParam(required = false) String minimum,
                   RedirectAttributes redirect) {
        try {
            Integer min = Fields.whole("minimum", minimum);
            UUID stockId = stock.addItem(id, item, unit, min, scope());
            return "redirect:/resource/stock/" + stockId;
        } catch (ResourceRefused refused) {
            if (refused.kind == ResourceRefused.Kind.NOT_FOUND) {
                throw notFound();
            }
            redirect.addFlashAttribute("problem", ResourceProblems.text(messages, refused));
            redirect.addFlashAttribute("itemForm", new ArrayList<>(List.of(item == null ? "" : item,
                    unit == null ? "" : unit, minimum == null ? "" : minimum)));
            return "redirect:/resource/warehouses/" + id;
        }
    }

    @GetMapping("/stock/{id}")
    String stockItem(@PathVariable UUID id, Model model) {
        return stockPage(id, model);
    }

    /** A movement that is refused comes back on the same page with the message beside the field. */
    @PostMapping("/stock/{id}/movements")
    @PreAuthorize("hasAuthority('resource:edit')")
    @Audited("resource.stock.move")
    String move(@PathVariable UUID id, @RequestParam(required = false) String direction,
                @RequestParam(required = false) String quantity, @RequestParam(required = false) String reason,
                Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.require();
        try {
            Integer amount = Fields.whole("quantity", quantity);
            Stock.Item after = stock.move(id, direction, amount, reason, me.id(), me.displayName(), me.scope());
            redirect.addFlashAttribute("done", messages.getMessage("resource.stock.moved",
                    new Object[] {after.item(), after.quantity(), after.unit()}, localeNow()));
            return "redirect:/resource/stock/" + id;
        } catch (ResourceRefused refused) {
            if (refused.kind == ResourceRefused.Kind.NOT_FOUND) {
                throw notFound();
            }
            model.addAttribute("problem", ResourceProblems.text(messages, refused));
            model.addAttribute("problemField", refused.field == null ? "quantity" : refused.field);
            model.addAttribute("form", Map.of("direction", direction == null ? "" : direction,
                    "quantity", quantity == null ? "" : quantity, "reason", reason == null ? "" : reason));
            return stockPage(id, model);
        }
    }

    /** The low-stock alerts of the viewer's area. */
    @GetMapping("/alerts")
    String alerts(Model model) {
        model.addAttribute("alerts", stock.alerts(scope()));
        return "resource/alerts";
    }

    @GetMapping("/dispatches")
    String dispatchList(@RequestParam(defaultValue = "false") boolean open, Model model) {
        model.addAttribute("dispatches", dispatches.list(scope(), open, 200));
        model.addAttribute("open", open);
        return "resource/dispatches";
    }

    @GetMapping("/dispatches/{id}")
    String dispatch(@PathVariable UUID id, Model model) {
        Dispatches.Dispatch d = dispatches.find(id, scope()).orElseThrow(ResourcePages::notFound);
        model.addAttribute("dispatch", d);
        model.addAttribute("next", List.copyOf(d.status().next()));
        model.addAttribute("timeline", dispatches.timeline(id));
        return "resource/dispatch";
    }

    /**
     * Sends the resource of the page the form is on; {@code back} (only a /resource/ page) is where a
     * refusal is shown, with the form as it was typed.
     */
    @PostMapping("/dispatches")
    @PreAuthorize("hasAuthority('resource:dispatch')")
    @Audited("resource.dispatch.create")
    String dispatchResource(@RequestParam UUID resourceId, @RequestParam(required = false) String targetKind,
                            @RequestParam(required = false) String targetId, @RequestParam(required = false) String note,
                            @RequestParam String back, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.require();
        String safeBack = back.startsWith("/resource/") ? back : "/resource";
        try {
            UUID target = parseTarget(targetId);
            UUID id = dispatches.dispatch(resourceId, targetKind, target, note, me.id(), me.scope());
            return "redirect:/resource/dispatches/" + id;
        } catch (ResourceRefused refused) {
            if (refused.kind == ResourceRefused.Kind.NOT_FOUND) {
                throw notFound();
            }
            redirect.addFlashAttribute("problem", ResourceProblems.text(messages, refused));
            redirect.addFlashAttribute("dispatchForm", new ArrayList<>(List.of(targetKind == null ? "" : targetKind,
                    targetId == null ? "" : targetId, note == null ? "" : note)));
            return "redirect:" + safeBack;
        }
    }

    /** One button per allowed next status; a stale page gets the conflict message, not a second move. */
    @PostMapping("/dispatches/{id}/status")
    @PreAuthorize("hasAuthority('resource:dispatch')")
    @Audited("resource.dispatch.move")
    String moveDispatch(@PathVariable UUID id, @RequestParam String status, @RequestParam(required = false) Integer version,
                        @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.require();
        return attempt(redirect, "/resource/dispatches/" + id, () -> dispatches.move(id,
                Fields.oneOf("status", DispatchStatus.class, status), version, comment, me.id(), me.scope()));
    }

    @GetMapping("/map")
    String map(Model model) {
        // village outlines come from the grid's API, which only some viewers may read
        model.addAttribute("showVillages", CurrentUser.require().can("grid:node:view"));
        return "resource/map";
    }

    /** The nearest few of each kind to a point typed in or tapped on the map. */
    @GetMapping("/nearest")
    String nearest(@RequestParam(required = false) String lon, @RequestParam(required = false) String lat, Model model) {
        model.addAttribute("lon", lon);
        model.addAttribute("lat", lat);
        if (lon == null || lat == null || lon.isBlank() || lat.isBlank()) {
            return "resource/nearest";
        }
        try {
            double x = Fields.number("lon", lon);
            double y = Fields.number("lat", lat);
            Map<ResourceKind, List<NearbyResource>> found = new EnumMap<>(ResourceKind.class);
            for (ResourceKind kind : ResourceKind.values()) {
                found.put(kind, places.nearest(x, y, kind, NEAREST_PER_KIND, scope()));
            }
            model.addAttribute("found", found);
            model.addAttribute("paths", Map.of(ResourceKind.RESCUE_TEAM, "teams", ResourceKind.SHELTER, "shelters",
                    ResourceKind.WAREHOUSE, "warehouses"));
        } catch (ResourceRefused refused) {
            model.addAttribute("problem", ResourceProblems.text(messages, refused));
            model.addAttribute("problemField", refused.field);
        }
        return "resource/nearest";
    }

    private String stockPage(UUID id, Model model) {
        Stock.Item item = stock.item(id, scope()).orElseThrow(ResourcePages::notFound);
        model.addAttribute("item", item);
        model.addAttribute("warehouse", warehouses.find(item.warehouseId(), scope(), stock).orElseThrow(ResourcePages::notFound));
        model.addAttribute("movements", stock.movements(id, 50));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("direction", "OUT", "quantity", "", "reason", ""));
        }
        return "resource/stock";
    }

    /** Every resource page ends with the dispatch form and the resource's last dispatches. */
    private String withDispatches(Model model, UUID resourceId, String view) {
        model.addAttribute("history", dispatches.ofResource(resourceId, 20));
        model.addAttribute("targetKinds", List.of("HAZARD", "EVENT"));
        return view;
    }

    /** Runs a change and comes back to the page, with the refusal (if any) shown at the top of it. */
    private String attempt(RedirectAttributes redirect, String page, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("done", messages.getMessage("resource.saved", null, localeNow()));
        } catch (ResourceRefused refused) {
            if (refused.kind == ResourceRefused.Kind.NOT_FOUND) {
                throw notFound();
            }
            redirect.addFlashAttribute("problem", ResourceProblems.text(messages, refused));
        }
        return "redirect:" + page;
    }

    private static UUID parseTarget(String text) {
        if (text == null || text.isBlank()) {
            throw ResourceRefused.badInput("targetId", "resource.error.targetId");
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw ResourceRefused.badInput("targetId", "resource.error.targetIdFormat");
        }
    }

    /** A filter value from a link: unknown values show the unfiltered list rather than an error page. */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Locale localeNow() {
        return LocaleContextHolder.getLocale();
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
