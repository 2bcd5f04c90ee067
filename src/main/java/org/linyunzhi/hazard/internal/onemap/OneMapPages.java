package org.linyunzhi.hazard.internal.onemap;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one map (风险隐患一张图) and the campaign figures page. The map's script gets its settings and
 * every text it shows through one JSON attribute, like the grid map's, so it holds neither.
 */
@Controller
@PreAuthorize("hasAuthority('hazard:map:view')")
class OneMapPages {

    static final String MAP_VIEW = "hazard/onemap/map";
    static final String FIGURES_VIEW = "hazard/onemap/figures";
    static final String SCRIPT_TEXTS = "onemap.js.";
    /** Map colours by level, agreed with the hazard pages (issue 4's contract). */
    static final Map<Integer, String> LEVEL_COLOURS = Map.of(1, "#2e7d32", 2, "#1565c0", 3, "#f9a825", 4, "#ef6c00",
            5, "#c62828");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CampaignFigures figures;
    private final MapChoices choices;
    private final MessageSource messages;
    private final String tileUrl;
    private final String tileSubdomains;
    private final String tileAttribution;
    private final int tileMaxZoom;
    private final List<String> scriptKeys = scriptKeys();

    // the grid map's tile settings (linyunzhi.map.*): both maps share one background
    OneMapPages(CampaignFigures figures, MapChoices choices, MessageSource messages,
                @Value("${linyunzhi.map.tile-url:}") String tileUrl,
                @Value("${linyunzhi.map.tile-subdomains:abc}") String tileSubdomains,
                @Value("${linyunzhi.map.tile-attribution:}") String tileAttribution,
                @Value("${linyunzhi.map.tile-max-zoom:18}") int tileMaxZoom) {
        this.figures = figures;
        this.choices = choices;
        this.messages = messages;
        this.tileUrl = tileUrl;
        this.tileSubdomains = tileSubdomains;
        this.tileAttribution = tileAttribution;
        this.tileMaxZoom = tileMaxZoom;
    }

    @GetMapping("/hazard/map")
    String map(Model model, Locale locale) {
        CurrentUser user = CurrentUser.require();
        boolean english = "en".equals(locale.getLanguage());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tileUrl", tileUrl.isBlank() ? null : tileUrl);
        config.put("tileSubdomains", tileSubdomains);
        config.put("tileAttribution", tileAttribution);
        config.put("tileMaxZoom", tileMaxZoom);
        config.put("center", List.of(30.05, 120.25));
        config.put("levelColours", LEVEL_COLOURS);
        config.put("canSeeGrid", user.can("grid:node:view"));
        config.put("maxFeatures", HazardMap.MAX_FEATURES);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : scriptKeys) {
            texts.put(key.substring(SCRIPT_TEXTS.length()), messages.getMessage(key, null, key, locale));
        }
        config.put("text", texts);
        model.addAttribute("mapConfig", JSON.writeValueAsString(config));
        model.addAttribute("classes", choices.classes(english));
        model.addAttribute("categories", choices.categories());
        model.addAttribute("statuses", HazardMapFilter.STATUSES);
        model.addAttribute("levelColours", LEVEL_COLOURS);
        model.addAttribute("campaigns", figures.campaigns());
        model.addAttribute("overall", figures.overall(user.scope()));
        return MAP_VIEW;
    }

    @GetMapping("/hazard/figures")
    String figures(Model model) {
        var scope = CurrentUser.require().scope();
        List<CampaignFigures.CampaignRow> rows = figures.perCampaign(scope);
        model.addAttribute("overall", figures.overall(scope));
        model.addAttribute("rows", rows);
        // oldest first on the charts' time axis; names shortened to the code for a narrow screen
        List<CampaignFigures.CampaignRow> chronological = new java.util.ArrayList<>(rows);
        java.util.Collections.reverse(chronological);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("codes", chronological.stream().map(CampaignFigures.CampaignRow::code).toList());
        chart.put("names", chronological.stream().map(CampaignFigures.CampaignRow::name).toList());
        chart.put("inspected", chronological.stream().map(CampaignFigures.CampaignRow::pointsInspected).toList());
        chart.put("found", chronological.stream().map(r -> r.figures().hazardsFound()).toList());
        chart.put("rectified", chronological.stream().map(r -> r.figures().rectified()).toList());
        chart.put("rate", chronological.stream().map(r -> r.figures().rate()).toList());
        model.addAttribute("chart", JSON.writeValueAsString(chart));
        return FIGURES_VIEW;
    }

    /** The keys are listed once, in the Chinese bundle; the i18n test keeps the English one in step. */
    private static List<String> scriptKeys() {
        Properties p = new Properties();
        try (InputStream in = new ClassPathResource("messages/onemap_zh_CN.properties").getInputStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the one map's message bundle is missing", e);
        }
        return p.stringPropertyNames().stream().filter(k -> k.startsWith(SCRIPT_TEXTS)).sorted().toList();
    }
}
