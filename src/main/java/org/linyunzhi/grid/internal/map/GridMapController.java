package org.linyunzhi.grid.internal.map;

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
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The grid map page. Everything the script needs (tile settings, which calls the user may make,
 * every text it shows in the user's language) goes into one JSON attribute, so the script holds no
 * user-visible text and no configuration of its own.
 */
@Controller
class GridMapController {

    static final String VIEW = "grid/map";
    /** Texts the script shows: every key of the bundle under this prefix, without it. */
    static final String SCRIPT_TEXTS = "gridmap.js.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MapProperties properties;
    private final MessageSource messages;
    private final List<String> scriptKeys;

    GridMapController(MapProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
        this.scriptKeys = scriptKeys();
    }

    @GetMapping("/grid/map")
    @PreAuthorize("hasAuthority('grid:node:view')")
    String map(Model model, Locale locale) {
        CurrentUser user = CurrentUser.require();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tileUrl", properties.tileUrl().isBlank() ? null : properties.tileUrl());
        config.put("tileSubdomains", properties.tileSubdomains());
        config.put("tileAttribution", properties.tileAttribution());
        config.put("tileMaxZoom", properties.tileMaxZoom());
        config.put("center", List.of(properties.centerLat(), properties.centerLon()));
        config.put("canLocate", user.can("grid:locate"));
        config.put("canSeeStaff", user.can("grid:staff:view"));
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : scriptKeys) {
            texts.put(key.substring(SCRIPT_TEXTS.length()), messages.getMessage(key, null, key, locale));
        }
        config.put("text", texts);
        model.addAttribute("mapConfig", JSON.writeValueAsString(config));
        return VIEW;
    }

    /** The keys are listed once, in the Chinese bundle; the i18n test keeps the English one in step. */
    private static List<String> scriptKeys() {
        Properties p = new Properties();
        try (InputStream in = new ClassPathResource("messages/gridmap_zh_CN.properties").getInputStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the grid map's message bundle is missing", e);
        }
        return p.stringPropertyNames().stream().filter(k -> k.startsWith(SCRIPT_TEXTS)).sorted().toList();
    }
}
