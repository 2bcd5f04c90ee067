package org.linyunzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Chinese string lives in a message bundle: templates and page scripts hold none, every key
 * a template uses exists in both languages, and both languages have the same keys.
 */
class I18nPropertiesSyncTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SCRIPTS = Path.of("src/main/resources/static/js");
    private static final Pattern CJK = Pattern.compile("[\\x{4e00}-\\x{9fff}\\x{3000}-\\x{303f}\\x{ff00}-\\x{ffef}]");
    private static final Pattern KEY_USE = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path zh : files.filter(p -> p.toString().endsWith("_zh_CN.properties")).toList()) {
                Path en = Path.of(zh.toString().replace("_zh_CN.properties", "_en.properties"));
                if (!Files.exists(en)) {
                    problems.add(en + " is missing");
                    continue;
                }
                Set<String> zhKeys = keys(zh);
                Set<String> enKeys = keys(en);
                for (String k : zhKeys) {
                    if (!enKeys.contains(k)) problems.add(en.getFileName() + " lacks " + k);
                }
                for (String k : enKeys) {
                    if (!zhKeys.contains(k)) problems.add(zh.getFileName() + " lacks " + k);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void templatesAndScriptsHoldNoChineseText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path root : List.of(TEMPLATES, SCRIPTS)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = COMMENT.matcher(Files.readString(f)).replaceAll("");
                    String[] lines = text.split("\n");
                    for (int i = 0; i < lines.length; i++) {
                        String line = lines[i];
                        if (line.strip().startsWith("//") || line.strip().startsWith("*")) continue;
                        if (CJK.matcher(line).find()) problems.add(f + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(problems).as("hard-coded Chinese text; move it to messages/*.properties").isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExistsInBothLanguages() throws IOException {
        Set<String> zhKeys = new TreeSet<>();
        Set<String> enKeys = new TreeSet<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path p : files.toList()) {
                if (p.toString().endsWith("_zh_CN.properties")) zhKeys.addAll(keys(p));
                if (p.toString().endsWith("_en.properties")) enKeys.addAll(keys(p));
            }
        }
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (!zhKeys.contains(key)) missing.add(f.getFileName() + ": zh_CN lacks " + key);
                    if (!enKeys.contains(key)) missing.add(f.getFileName() + ": en lacks " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        return props.stringPropertyNames();
    }
}
