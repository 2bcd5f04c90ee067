package org.linyunzhi.resource.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages that file a new rescue team, shelter or warehouse. Each form is turned into the same
 * request record the API takes and handed to the same service method, so the checks are the API's;
 * a refusal shows the form again as typed, with the message beside the field it names.
 */
@Controller
@RequestMapping("/resource")
@PreAuthorize("hasAuthority('resource:edit')")
class ResourceForms {

    /** The three kinds a form can file, by the path segment their lists already use. */
    enum Kind {
        TEAMS, SHELTERS, WAREHOUSES;

        String path() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Every field any of the forms has; a kind's form shows only its own. */
    private static final List<String> FIELDS = List.of("name", "type", "status", "level", "capacityDay",
            "capacityNight", "keeper", "address", "lon", "lat", "members", "equipment");

    private final Teams teams;
    private final Shelters shelters;
    private final Warehouses warehouses;
    private final MessageSource messages;

    ResourceForms(Teams teams, Shelters shelters, Warehouses warehouses, MessageSource messages) {
        this.teams = teams;
        this.shelters = shelters;
        this.warehouses = warehouses;
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
        return page(kind, form, model);
    }

    @PostMapping("/teams/new")
    @Audited("resource.team.create")
    String createTeam(@RequestParam Map<String, String> typed, Model model) {
        return attempt(Kind.TEAMS, typed, model, f -> teams.create(new Teams.NewTeam(f.get("name"), f.get("type"),
                f.get("status"), f.get("address"), coordinate("lon", f), coordinate("lat", f),
                TeamLines.members(f.get("members")), TeamLines.equipment(f.get("equipment"))), scope()));
    }

    @PostMapping("/shelters/new")
    @Audited("resource.shelter.create")
    String createShelter(@RequestParam Map<String, String> typed, Model model) {
        return attempt(Kind.SHELTERS, typed, model, f -> shelters.create(new Shelters.NewShelter(f.get("name"),
                f.get("level"), whole("capacityDay", f), whole("capacityNight", f), f.get("address"),
                coordinate("lon", f), coordinate("lat", f)), scope()));
    }

    @PostMapping("/warehouses/new")
    @Audited("resource.warehouse.create")
    String createWarehouse(@RequestParam Map<String, String> typed, Model model) {
        return attempt(Kind.WAREHOUSES, typed, model, f -> warehouses.create(new Warehouses.NewWarehouse(f.get("name"),
                f.get("keeper"), f.get("address"), coordinate("lon", f), coordinate("lat", f)), scope()));
    }

    /** Files the record and goes to its page; a refusal comes back to the form with what was typed. */
    private String attempt(Kind kind, Map<String, String> typed, Model model, Function<Map<String, String>, UUID> create) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, typed.getOrDefault(f, "")));
        try {
            return "redirect:/resource/" + kind.path() + "/" + create.apply(form);
        } catch (ResourceRefused refused) {
            model.addAttribute("problem", ResourceProblems.text(messages, refused));
            model.addAttribute("problemField", fieldOf(refused.field));
            return page(kind, form, model);
        }
    }

    private String page(Kind kind, Map<String, String> form, Model model) {
        model.addAttribute("kind", kind.path());
        model.addAttribute("form", form);
        model.addAttribute("teamTypes", TeamType.values());
        model.addAttribute("teamStatuses", List.of(TeamStatus.ON_DUTY, TeamStatus.STANDBY, TeamStatus.OFF));
        model.addAttribute("shelterLevels", ShelterLevel.values());
        return "resource/form";
    }

    /** "members[2].phone" is shown beside the members box: the form has one box for all of them. */
    static String fieldOf(String field) {
        if (field == null) {
            return "name";
        }
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    private static Double coordinate(String field, Map<String, String> form) {
        String text = form.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ResourceRefused.badInput(field, "resource.error.number", text);
        }
    }

    private static Integer whole(String field, Map<String, String> form) {
        String text = form.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ResourceRefused.badInput(field, "resource.error.whole", text);
        }
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
                members.add(new Teams.Member(parts[0], parts.length > 1 ? parts[1] : null, null));
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
