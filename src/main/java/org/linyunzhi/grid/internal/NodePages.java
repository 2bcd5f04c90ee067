package org.linyunzhi.grid.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.StaffRole;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The region tree page: a tree whose branches load when opened (a town has some 1,500 nodes; a
 * page never holds them all), and the detail of one node with its parent chain, children, roster,
 * name and polygon edits. htmx requests get the fragment only.
 */
@Controller
@RequestMapping("/grid/nodes")
class NodePages {

    static final String VIEW = "grid/nodes";
    static final int PAGE = 50;

    private final RegionNodes nodes;
    private final Staff staff;
    private final TreeEdits edits;
    private final Rosters rosters;
    private final MessageSource messages;
    private final RegionTreeImport treeImport;

    NodePages(RegionNodes nodes, Staff staff, TreeEdits edits, Rosters rosters, MessageSource messages,
              RegionTreeImport treeImport) {
        this.treeImport = treeImport;
        this.nodes = nodes;
        this.staff = staff;
        this.edits = edits;
        this.rosters = rosters;
        this.messages = messages;
    }

/** The tree with the user's top nodes (towns, or the node their scope is bound to). */
    @GetMapping
    @PreAuthorize("hasAuthority('grid:node:view')")
    String tree(Model model) {
        model.addAttribute("top", nodes.top(scope(), PAGE));
        return VIEW;
    }

/** A node's page; an htmx click in the tree gets only the detail panel. */
    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('grid:node:view')")
    String node(@PathVariable String code, Model model,
                @RequestHeader(name = "HX-Request", required = false) String htmx) {
        detail(code, model);
        if (htmx != null) {
            return VIEW + " :: detail";
        }
        model.addAttribute("top", nodes.top(scope(), PAGE));
        return VIEW;
    }

    /** One page of a branch, fetched when the branch is opened or "more" is pressed. */
    @GetMapping("/{code}/children")
    @PreAuthorize("hasAuthority('grid:node:view')")
    String children(@PathVariable String code, @RequestParam(defaultValue = "0") int offset, Model model) {
        nodes.find(code, scope()).orElseThrow(() -> new NodeNotFoundException(code));
        List<StoredNode> page = nodes.children(code, scope(), PAGE + 1, Math.max(0, offset));
        model.addAttribute("children", page.subList(0, Math.min(PAGE, page.size())));
        model.addAttribute("parentCode", code);
        model.addAttribute("nextOffset", page.size() > PAGE ? offset + PAGE : -1);
        return VIEW + " :: children";
    }

/** Renames the node; a stale version or a bad name is shown beside the form, as typed. */
    @PostMapping("/{code}/name")
    @PreAuthorize("hasAuthority('grid:node:edit')")
    String rename(@PathVariable String code, @RequestParam String name, @RequestParam int version,
                  Model model, RedirectAttributes flash, Locale locale) {
        try {
            edits.rename(code, name, version, scope());
        } catch (GridRuleException e) {
            model.addAttribute("nameError", messages.getMessage(e.messageKey, e.args, locale));
            model.addAttribute("nameTyped", name);
            return page(code, model);
        }
        return saved(code, "grid.nodes.saved", flash);
    }

/** Replaces the polygon from an uploaded GeoJSON file; every problem is listed under the form. */
    @PostMapping("/{code}/boundary")
    @PreAuthorize("hasAuthority('grid:node:edit')")
    String reshape(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) String geojson, @RequestParam int version,
                   Model model, RedirectAttributes flash, Locale locale) throws IOException {
        try {
            String text = file != null && !file.isEmpty()
                    ? treeImport.readBounded(file.getInputStream(), file.getSize(), locale) : geojson;
            edits.reshape(code, text, version, scope(), locale);
        } catch (RegionTreeImportException e) {
            model.addAttribute("boundaryProblems", e.problems());
            return page(code, model);
        } catch (GridRuleException e) {
            model.addAttribute("boundaryProblems", List.of(new ImportProblem(-1, null, ImportProblem.Type.MALFORMED_GEOMETRY,
                    List.of(), messages.getMessage(e.messageKey, e.args, locale))));
            return page(code, model);
        }
        return saved(code, "grid.nodes.boundarySaved", flash);
    }

/** Adds a person in a role; a broken rule is shown beside the form with the values kept. */
    @PostMapping("/{code}/roster")
    @PreAuthorize("hasAuthority('grid:staff:edit')")
    String addPerson(@PathVariable String code, Rosters.Newcomer who, Model model, RedirectAttributes flash, Locale locale) {
        try {
            rosters.add(code, scope(), who);
        } catch (GridRuleException e) {
            model.addAttribute("rosterError", messages.getMessage(e.messageKey,
                    e.args.length > 0 ? new Object[] {roleName(e.args[0], locale), levelName(e.args, locale)} : e.args, locale));
            model.addAttribute("rosterErrorField", e.field);
            model.addAttribute("typed", who);
            return page(code, model);
        }
        return saved(code, "grid.roster.added", flash);
    }

/** Takes a person off this node. */
    @PostMapping("/{code}/roster/{assignment}/remove")
    @PreAuthorize("hasAuthority('grid:staff:edit')")
    String removePerson(@PathVariable String code, @PathVariable UUID assignment, RedirectAttributes flash) {
        rosters.remove(code, scope(), assignment);
        return saved(code, "grid.roster.removed", flash);
    }

    /** Post-redirect-get back to the node, with a notice for the next page. */
    private static String saved(String code, String noticeKey, RedirectAttributes flash) {
        flash.addFlashAttribute("notice", noticeKey);
        return "redirect:/grid/nodes/" + code;
    }

    private String roleName(Object role, Locale locale) {
        return messages.getMessage("grid.role." + role, null, String.valueOf(role), locale);
    }

    private String levelName(Object[] args, Locale locale) {
        return args.length > 1 ? messages.getMessage("grid.level." + args[1], null, String.valueOf(args[1]), locale) : "";
    }

/** The whole page again, for a form that came back with an error. */
    private String page(String code, Model model) {
        detail(code, model);
        model.addAttribute("top", nodes.top(scope(), PAGE));
        return VIEW;
    }

/** What the detail panel shows; phones only for those who may see staff. */
    private void detail(String code, Model model) {
        CurrentUser user = CurrentUser.require();
        StoredNode node = nodes.find(code, user.scope()).orElseThrow(() -> new NodeNotFoundException(code));
        model.addAttribute("node", node);
        // the chain above the node, cut where the user's scope begins
        model.addAttribute("path", nodes.path(code).stream().filter(p -> user.scope().coversRegion(p.code())).toList());
        model.addAttribute("children", nodes.children(code, user.scope(), PAGE + 1, 0));
        model.addAttribute("roster", staff.roster(code));
        model.addAttribute("roles", StaffRole.forLevel(node.level()));
        model.addAttribute("showPhones", user.can("grid:staff:view"));
        model.addAttribute("staffed", node.level() == RegionLevel.GRID || node.level().isMicroGrid());
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
