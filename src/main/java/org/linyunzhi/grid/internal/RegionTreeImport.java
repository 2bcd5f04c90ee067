package org.linyunzhi.grid.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.grid.RegionTreeChanged;
import org.linyunzhi.identity.DataScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a region tree in the contract format (a GeoJSON FeatureCollection, see
 * docs/region-codes.md) all or nothing. The upload's root decides what is replaced: the root and
 * every stored node under its code are replaced by the upload, matched by code, so nodes that stay
 * keep their id and roster; stored nodes of the subtree the upload no longer lists are removed.
 * Nodes outside the root's subtree are never touched.
 */
@Service
public class RegionTreeImport {

    private final RegionNodes nodes;
    private final StoredSurroundings surroundings;
    private final TreeValidator validator;
    private final ProblemMessages messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final GridProperties properties;

    RegionTreeImport(RegionNodes nodes, StoredSurroundings surroundings, ProblemMessages messages,
                     ApplicationEventPublisher events, TransactionTemplate transaction, GridProperties properties) {
        this.nodes = nodes;
        this.surroundings = surroundings;
        this.validator = new TreeValidator(properties);
        this.messages = messages;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
    }

    /**
     * Validates and stores a tree, replacing the subtree of its root.
     *
     * @throws RegionTreeImportException with every problem found (messages in English); nothing is stored
     */
    public ImportResult importTree(String featureCollectionJson) {
        return importTree(featureCollectionJson, Locale.ENGLISH, DataScope.all());
    }

    /** An import by a person: the upload's root must lie in their data scope. */
    ImportResult importTree(String json, Locale locale, DataScope scope) {
        long max = properties.importMaxSize().toBytes();
        if (json.length() > max || json.getBytes(StandardCharsets.UTF_8).length > max) {
            throw tooLarge(json.getBytes(StandardCharsets.UTF_8).length, locale);
        }
        // reading and parsing happen outside the transaction; an unreadable upload never locks the tree
        FeatureCollectionReader.Result read = FeatureCollectionReader.read(json);
        if (!read.problems().isEmpty() && read.features().isEmpty()) {
            throw refused(read.problems(), locale);
        }
        return transaction.execute(status -> {
            // one writer of the tree at a time: the stored frame read below cannot change under us
            nodes.lockTree();
            TreeValidator.Outcome outcome = validator.validate(read.features(), surroundings::of);
            List<ImportProblem> problems = new ArrayList<>(read.problems());
            problems.addAll(outcome.problems());
            TreeFeature root = outcome.root();
            if (root != null && root.code != null && !scope.coversRegion(root.code)) {
                problems.add(ImportProblem.of(root.index, root.code, ImportProblem.Type.ROOT_OUT_OF_SCOPE));
            }
            if (!problems.isEmpty()) {
                // the exception rolls the transaction back; nothing has been written yet anyway
                problems.sort(Comparator.comparingInt(ImportProblem::featureIndex));
                throw refused(problems, locale);
            }
            return store(read.features(), outcome);
        });
    }

    private ImportResult store(List<TreeFeature> features, TreeValidator.Outcome outcome) {
        TreeFeature root = outcome.root();
        // stored nodes keep their ids (and so their rosters); new codes get new ids
        Map<String, UUID> existing = nodes.idsUnder(root.code);
        Map<String, UUID> ids = new HashMap<>(existing);
        if (root.parentCode != null) {
            ids.put(root.parentCode, nodes.idOf(root.parentCode).orElseThrow());
        }
        features.forEach(f -> ids.computeIfAbsent(f.code, c -> UUID.randomUUID()));

        List<String> keep = features.stream().map(f -> f.code).toList();
        int removed = nodes.deleteUnder(root.code, keep);

        // parents before children: the parent_id foreign key is checked row by row
        List<TreeFeature> topDown = features.stream()
                .sorted(Comparator.comparing((TreeFeature f) -> f.level).thenComparing(f -> f.code)).toList();
        List<RegionNodes.NodeRow> rows = topDown.stream().map(f -> new RegionNodes.NodeRow(
                ids.get(f.code), f.parentCode == null ? null : ids.get(f.parentCode), f.level, f.code, f.name,
                f.villageKind, f.dedicatedType, GeoJson.write(f.lonLat), f.lonLat.getEnvelopeInternal(),
                centroid(f), f.metres.getArea())).toList();
        int[] written = nodes.upsert(rows);
        int created = 0;
        int updated = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!existing.containsKey(rows.get(i).code())) created++;
            else if (written[i] > 0) updated++;
        }
        // the version moves in this transaction; listeners rebuild their caches after commit
        long version = nodes.bumpVersion();
        events.publishEvent(new RegionTreeChanged(version));
        return new ImportResult(root.code, features.size(), created, updated, removed, version);
    }

    /**
     * Reads an upload, at most the configured size, so a huge one is refused (413) without being
     * held in memory.
     */
    String readBounded(java.io.InputStream in, long declaredLength, Locale locale) throws java.io.IOException {
        long max = properties.importMaxSize().toBytes();
        if (declaredLength > max) {
            throw tooLarge(declaredLength, locale);
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw tooLarge(bytes.length, locale);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private RegionTreeImportException tooLarge(long size, Locale locale) {
        return refused(List.of(ImportProblem.of(-1, null, ImportProblem.Type.PAYLOAD_TOO_LARGE,
                size, properties.importMaxSize().toBytes())), locale);
    }

    /** Centroids to 1e-7° (1 cm): more digits are noise from the centroid arithmetic. */
    static org.locationtech.jts.geom.Point centroid(TreeFeature f) {
        var c = f.lonLat.getCentroid();
        return GeoJson.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(
                Math.round(c.getX() * 1e7) / 1e7, Math.round(c.getY() * 1e7) / 1e7));
    }

    private RegionTreeImportException refused(List<ImportProblem> problems, Locale locale) {
        return new RegionTreeImportException(messages.render(problems, locale));
    }
}
