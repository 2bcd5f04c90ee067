package org.linyunzhi.resource.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.springframework.context.MessageSource;
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

/**
 * The pages that file a new rescue team, shelter or warehouse and edit one. Each form is turned into
 * the request record the API takes and handed to the service, whose checks are shared by creating
 * and editing; a refusal shows the form again as typed, with the message beside the field it names
 * (a stale version: at the top, nothing written).
 */
@Controller
@RequestMapping("/resource")
@PreAuthorize("hasAuthority('resource:edit')")
class ResourceForms {

    /** The three kinds a form can file, by the path segment their lists already use. */
    enum Kind {
        TEAMS, SHELTERS, WAREHOUSES;

        String path() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Every field any of the forms has; a kind's form shows only its own. */
    private static final List<String> FIELDS = List.of("name", "type", "status", "level", "capacityDay",
            "capacityNight", "open", "occupancy", "keeper", "address", "lon", "lat", "members", "equipment", "version");

    private final Teams teams;
    private final Shelters shelters;
    private final Warehouses warehouses;
    private final Stock stock;
    private final MessageSource messages;

    ResourceForms(Teams teams, Shelters shelters, Warehouses warehouses, Stock stock, MessageSource messages) {
        this.teams = teams;
        this.shelters = shelters;
        this.warehouses = warehouses;
        this.stock = stock;
        this.messages = messages;
    }

    @GetMapping("/teams/new")
    String newTeam(Model model) {
        return blank(Kind.TEAMS, model);
    }

    @GetMapping("/shelters/new")
    String newShelter(Model model) {
        return blank(Kind.SHELTERS, model);
    }

    @GetMapping("/warehouses/new")
    String newWarehouse(Model model) {
        return blank(Kind.WAREHOUSES, model);
    }

    private String blank(Kind kind, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, ""));
        form.put("status", TeamStatus.STANDBY.name());
        return page(kind, null, form, model);
    }

    @PostMapping("/teams/new")
    @Audited("resource.team.create")
    String createTeam(@RequestParam Map<String, String> typed, Model model) {
        return attempt(Kind.TEAMS, null, typed, model, f -> teams.create(team(f), scope()));
    }

    @PostMapping("/shelters/new")
    @Audited("resource.shelter.create")
    String createShelter(@RequestParam Map<String, String> typed, Model model) {
        return attempt(Kind.SHELTERS, null, typed, model, f -> shelters.create(shelter(f), scope()));
    }

    @PostMapping("/warehouses/new")
    @Audited("resource.warehouse.create")
    String createWarehouse(@RequestParam Map<String, String> typed, Model model) {
        return attempt(Kind.WAREHOUSES, null, typed, model, f -> warehouses.create(warehouse(f), scope()));
    }

    /** The edit forms start from the record as stored, its version kept to refuse a stale save. */
    @GetMapping("/teams/{id}/edit")
    String editTeam(@PathVariable UUID id, Model model) {
        Teams.Team t = teams.find(id, scope()).orElseThrow(ResourceForms::notFound);
        Map<String, String> form = filled(t.name(), t.address(), t.lon(), t.lat(), t.version());
        form.put("type", t.type().name());
        form.put("status", t.status().name());
        form.put("members", TeamLines.membersText(t.members()));
        form.put("equipment", TeamLines.equipmentText(t.equipment()));
        return page(Kind.TEAMS, id, form, model);
    }

    @GetMapping("/shelters/{id}/edit")
    String editShelter(@PathVariable UUID id, Model model) {
        Shelters.Shelter s = shelters.find(id, scope()).orElseThrow(ResourceForms::notFound);
        Map<String, String> form = filled(s.name(), s.address(), s.lon(), s.lat(), s.version());
        form.put("level", s.level().name());
        form.put("capacityDay", String.valueOf(s.capacityDay()));
        form.put("capacityNight", String.valueOf(s.capacityNight()));
        form.put("open", String.valueOf(s.open()));
        form.put("occupancy", String.valueOf(s.occupancy()));
        return page(Kind.SHELTERS, id, form, model);
    }

    @GetMapping("/warehouses/{id}/edit")
    String editWarehouse(@PathVariable UUID id, Model model) {
        Warehouses.Warehouse w = warehouses.find(id, scope(), stock).orElseThrow(ResourceForms::notFound);
        Map<String, String> form = filled(w.name(), w.address(), w.lon(), w.lat(), w.version());
        form.put("keeper", w.keeper() == null ? "" : w.keeper());
        return page(Kind.WAREHOUSES, id, form, model);
    }

    @PostMapping("/teams/{id}/edit")
    @Audited("resource.team.edit")
    String saveTeam(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model) {
        return attempt(Kind.TEAMS, id, typed, model, f -> {
            teams.edit(id, team(f), whole("version", f), scope());
            return id;
        });
    }

    @PostMapping("/shelters/{id}/edit")
    @Audited("resource.shelter.edit")
    String saveShelter(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model) {
        return attempt(Kind.SHELTERS, id, typed, model, f -> {
            // an unticked box is not sent at all: closed
            shelters.edit(id, shelter(f), "true".equals(f.get("open")), whole("occupancy", f), whole("version", f),
                    scope());
            return id;
        });
    }

    @PostMapping("/warehouses/{id}/edit")
    @Audited("resource.warehouse.edit")
    String saveWarehouse(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model) {
        return attempt(Kind.WAREHOUSES, id, typed, model, f -> {
            warehouses.edit(id, warehouse(f), whole("version", f), scope());
            return id;
        });
    }

    private static Teams.NewTeam team(Map<String, String> f) {
        return new Teams.NewTeam(f.get("name"), f.get("type"), f.get("status"), f.get("address"), coordinate("lon", f),
                coordinate("lat", f), TeamLines.members(f.get("members")), TeamLines.equipment(f.get("equipment")));
    }

    private static Shelters.NewShelter shelter(Map<String, String> f) {
        return new Shelters.NewShelter(f.get("name"), f.get("level"), whole("capacityDay", f),
                whole("capacityNight", f), f.get("address"), coordinate("lon", f), coordinate("lat", f));
    }

    private static Warehouses.NewWarehouse warehouse(Map<String, String> f) {
        return new Warehouses.NewWarehouse(f.get("name"), f.get("keeper"), f.get("address"), coordinate("lon", f),
                coordinate("lat", f));
    }

    private static Map<String, String> filled(String name, String address, double lon, double lat, int version) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, ""));
        form.put("name", name);
        form.put("address", address);
        form.put("lon", String.valueOf(lon));
        form.put("lat", String.valueOf(lat));
        form.put("version", String.valueOf(version));
        return form;
    }

    /** Saves the record and goes to its page; a refusal comes back to the form with what was typed. */
    private String attempt(Kind kind, UUID id, Map<String, String> typed, Model model,
                           Function<Map<String, String>, UUID> save) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, typed.getOrDefault(f, "")));
        try {
            return "redirect:/resource/" + kind.path() + "/" + save.apply(form);
        } catch (ResourceRefused refused) {
            if (refused.kind == ResourceRefused.Kind.NOT_FOUND) {
                throw notFound();
            }
            model.addAttribute("problem", ResourceProblems.text(messages, refused));
            model.addAttribute("problemField", fieldOf(refused.field));
            return page(kind, id, form, model);
        }
    }

    /** The form page; {@code id} null for a new record. */
    private String page(Kind kind, UUID id, Map<String, String> form, Model model) {
        model.addAttribute("kind", kind.path());
        model.addAttribute("editing", id);
        model.addAttribute("action", "/resource/" + kind.path() + "/" + (id == null ? "new" : id + "/edit"));
        model.addAttribute("form", form);
        model.addAttribute("teamTypes", TeamType.values());
        model.addAttribute("teamStatuses", List.of(TeamStatus.ON_DUTY, TeamStatus.STANDBY, TeamStatus.OFF));
        model.addAttribute("shelterLevels", ShelterLevel.values());
        // village outlines help aim the tap, but come from the grid's API, which only some may read
        model.addAttribute("showVillages", CurrentUser.require().can("grid:node:view"));
        return "resource/form";
    }

    /** "members[2].phone" is shown beside the members box: the form has one box for all of them. */
    static String fieldOf(String field) {
        if (field == null) {
            return null;
        }
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    private static Double coordinate(String field, Map<String, String> form) {
        return Fields.number(field, form.get(field));
    }

    private static Integer whole(String field, Map<String, String> form) {
        return Fields.whole(field, form.get(field));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }

    /**
     * A team's members and equipment typed one per line, parts split by spaces or commas:
     * "name phone" and "item unit quantity". Missing parts are passed on as nothing, so the
     * service's own checks name them.
     */
    static final class TeamLines {

        private TeamLines() {
        }

        static List<Teams.Member> members(String text) {
            List<Teams.Member> members = new ArrayList<>();
            for (String[] parts : lines(text)) {
                // a third part is the role (LEADER...), so an edit keeps who leads; left out: a member
                MemberRole role = parts.length > 2 ? Fields.oneOf("members", MemberRole.class, parts[2]) : null;
                String phone = parts.length > 1 && !parts[1].equals("-") ? parts[1] : null;
                members.add(new Teams.Member(parts[0], phone, role));
            }
            return members;
        }

        static List<Teams.Equipment> equipment(String text) {
            List<Teams.Equipment> equipment = new ArrayList<>();
            for (String[] parts : lines(text)) {
                if (parts.length < 3) {
                    throw ResourceRefused.badInput("equipment", "resource.error.equipmentLine", String.join(" ", parts));
                }
                int quantity;
                try {
                    quantity = Integer.parseInt(parts[2]);
                } catch (NumberFormatException e) {
                    throw ResourceRefused.badInput("equipment", "resource.error.whole", parts[2]);
                }
                equipment.add(new Teams.Equipment(parts[0], parts[1], quantity));
            }
            return equipment;
        }

        /** The members as the box shows them, so an unchanged form saves them unchanged. */
        static String membersText(List<Teams.Member> members) {
            StringBuilder text = new StringBuilder();
            members.forEach(m -> text.append(m.name()).append(' ').append(m.phone() == null ? "-" : m.phone())
                    .append(m.role() == MemberRole.MEMBER ? "" : " " + m.role()).append('\n'));
            return text.toString();
        }

        static String equipmentText(List<Teams.Equipment> equipment) {
            StringBuilder text = new StringBuilder();
            equipment.forEach(e -> text.append(e.item()).append(' ').append(e.unit()).append(' ').append(e.quantity())
                    .append('\n'));
            return text.toString();
        }

        private static List<String[]> lines(String text) {
            List<String[]> lines = new ArrayList<>();
            if (text == null) {
                return lines;
            }
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip().split("[\\s,，]+"));
                }
            }
            return lines;
        }
    }
}
