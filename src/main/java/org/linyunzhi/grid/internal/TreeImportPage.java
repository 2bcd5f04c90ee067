package org.linyunzhi.grid.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload of a region tree with the list of everything wrong in it, and the coverage report of a
 * subtree (holes where nobody is responsible, overlaps where two are).
 */
@Controller
@RequestMapping("/grid/import")
class TreeImportPage {

    static final String VIEW = "grid/import";

    private final RegionTreeImport treeImport;
    private final CoverageReport coverage;
    private final RegionNodes nodes;

    TreeImportPage(RegionTreeImport treeImport, CoverageReport coverage, RegionNodes nodes) {
        this.treeImport = treeImport;
        this.coverage = coverage;
        this.nodes = nodes;
    }

/** The upload form and the coverage report of a subtree (the first town by default). */
    @GetMapping
    @PreAuthorize("hasAuthority('grid:node:view')")
    String page(@RequestParam(required = false) String root, Model model) {
        DataScope scope = CurrentUser.require().scope();
        List<StoredNode> towns = nodes.top(scope, 100);
        model.addAttribute("towns", towns);
        String chosen = root != null && !root.isBlank() ? root.strip() : (towns.isEmpty() ? null : towns.get(0).code());
        if (chosen != null) {
            nodes.find(chosen, scope).orElseThrow(() -> new NodeNotFoundException(chosen));
            model.addAttribute("root", chosen);
            model.addAttribute("coverage", coverage.of(chosen));
        }
        return VIEW;
    }

/** Imports the upload; on success the coverage report of the new subtree, else every problem. */
    @PostMapping
    @PreAuthorize("hasAuthority('grid:node:import')")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String geojson,
                  Model model, Locale locale) throws IOException {
        DataScope scope = CurrentUser.require().scope();
        try {
            String text = file != null && !file.isEmpty() ? treeImport.readBounded(file.getInputStream(), file.getSize(), locale)
                    : geojson == null ? "" : geojson;
            ImportResult result = treeImport.importTree(text, locale, scope);
            model.addAttribute("result", result);
            return page(result.rootCode(), model);
        } catch (RegionTreeImportException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("geojsonTyped", file != null && !file.isEmpty() ? null : geojson);
            return page(null, model);
        }
    }
}
