package org.linyunzhi.hazard.internal.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.linyunzhi.hazard.HazardLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The product's default hazard catalogue (230 categories over the five classes, written for a
 * Zhejiang town), published as version 1 when the catalogue is empty. Runs in every profile, before
 * any demo data is filed under it; a town that has edited its catalogue is left alone.
 */
@Component
@Order(1)
class DefaultCatalogue implements ApplicationRunner {

    static final String RESOURCE = "hazard/default-catalogue.tsv";
    private static final Logger log = LoggerFactory.getLogger(DefaultCatalogue.class);

    private final Catalogue catalogue;
    private final CataloguePublisher publisher;

    DefaultCatalogue(Catalogue catalogue, CataloguePublisher publisher) {
        this.catalogue = catalogue;
        this.publisher = publisher;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (catalogue.currentVersion() > 0) {
            return;
        }
        List<Category> categories = read(catalogue.classes());
        publisher.publish(categories, CataloguePublisher.Source.SEED, "default catalogue", null, null);
        log.info("Hazard catalogue: published the default catalogue, {} categories", categories.size());
    }

    /**
     * Reads the resource: one category a line, tab-separated code, name, default level, department,
     * time limit in days, description; lines starting with # are comments. The class is the code's prefix.
     */
    static List<Category> read(List<HazardClass> classes) {
        Map<String, String> classByPrefix = classes.stream().collect(Collectors.toMap(HazardClass::prefix, HazardClass::code));
        List<Category> categories = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 6) {
                    throw new IllegalStateException(RESOURCE + ": expected 6 fields in " + line);
                }
                String classCode = classByPrefix.get(f[0].substring(0, 2));
                if (classCode == null) {
                    throw new IllegalStateException(RESOURCE + ": unknown class prefix in " + f[0]);
                }
                categories.add(new Category(f[0], classCode, f[1], HazardLevel.of(Integer.parseInt(f[2])), f[3],
                        Integer.parseInt(f[4]), f[5].isBlank() ? null : f[5], true, 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return categories;
    }
}
