package org.linyunzhi.registry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.linyunzhi.identity.DataScope;
import org.springframework.stereotype.Component;

/**
 * Turns a department file's rows into an {@link ImportPlan}: each row checked (checksums, required
 * cells, coordinates, routing to a micro-grid, the importer's data scope), then matched with what
 * is stored — residents by ID-card number (through its keyed hash), organisations by credit code,
 * houses by normalised address — and every differing field listed as a conflict. The incoming
 * value wins on commit: the department's file is the newer statement; the conflict report lets the
 * importer stop before that happens. Nothing is written here.
 */
@Component
class ImportAnalyser {

    static final int PROGRESS_EVERY = 500;
    private static final int LOOKUP_BATCH = 2000;

    private final Placement placement;
    private final PiiCipher cipher;
    private final Houses houses;
    private final Organisations organisations;
    private final Residents residents;
    private final Labels labels;

    ImportAnalyser(Placement placement, PiiCipher cipher, Houses houses, Organisations organisations, Residents residents,
                   Labels labels) {
        this.placement = placement;
        this.cipher = cipher;
        this.houses = houses;
        this.organisations = organisations;
        this.residents = residents;
        this.labels = labels;
    }

    ImportPlan analyse(ImportKind kind, Department department, List<ImportSheet.SheetRow> rows, DataScope scope,
                       IntConsumer progress) {
        ImportPlan plan = new ImportPlan(kind, department);
        plan.rows = rows.size();
        switch (kind) {
            case HOUSE -> houses(plan, rows, scope, progress);
            case ORGANISATION -> organisations(plan, rows, scope, progress);
            case RESIDENT -> residents(plan, rows, scope, progress);
        }
        progress.accept(rows.size());
        return plan;
    }

    // ---- houses

    private record IncomingHouse(int row, String address, String key, HouseUse use, boolean rented, double lon,
                                 double lat, Placement.Place place) {
    }

    private void houses(ImportPlan plan, List<ImportSheet.SheetRow> rows, DataScope scope, IntConsumer progress) {
        Labels.Reader<HouseUse> uses = labels.reader(HouseUse.class, "registry.use.");
        Map<String, IncomingHouse> incoming = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportSheet.SheetRow r = rows.get(i);
            int before = plan.problems.size();
            String address = required(plan, r, ImportKind.HOUSE, "address");
            double[] at = coordinates(plan, r, ImportKind.HOUSE);
            HouseUse use = code(plan, r, ImportKind.HOUSE, "use", uses, true);
            Boolean rented = yesNo(plan, r, ImportKind.HOUSE.index("rented"), "rented");
            Placement.Place place = at == null ? null : place(plan, r.number(), at, scope);
            if (plan.problems.size() == before) {
                String key = Addresses.key(address);
                IncomingHouse first = incoming.putIfAbsent(key, new IncomingHouse(r.number(), Addresses.display(address),
                        key, use, Boolean.TRUE.equals(rented), at[0], at[1], place));
                if (first != null) {
                    plan.problem(r.number(), "address", "registry.row.duplicate", first.row());
                }
            }
            tick(progress, i);
        }
        Map<String, House> stored = new HashMap<>();
        for (List<String> batch : batches(new ArrayList<>(incoming.keySet()))) {
            stored.putAll(houses.byKeys(batch));
        }
        for (IncomingHouse in : incoming.values()) {
            House old = stored.get(in.key());
            House next = new House(old == null ? UUID.randomUUID() : old.id(), in.address(), in.key(), in.use(),
                    in.rented(), in.lon(), in.lat(), in.place().regionCode(), in.place().dedicatedRegionCode(),
                    old == null ? List.of(plan.department.name()) : Houses.union(old.sources(), plan.department.name()),
                    old == null ? 0 : old.version());
            if (old == null) {
                plan.newHouses.add(next);
                continue;
            }
            if (!scope.coversRegion(old.regionCode())) {
                plan.problem(in.row(), "address", "registry.row.outsideScope");
                continue;
            }
            int before = plan.conflicts.size();
            String record = old.address();
            conflict(plan, in.row(), record, "use", old.use().name(), in.use().name(), old.sources());
            conflict(plan, in.row(), record, "rented", String.valueOf(old.rented()), String.valueOf(in.rented()), old.sources());
            conflict(plan, in.row(), record, "location", position(old.lon(), old.lat()), position(in.lon(), in.lat()),
                    old.sources());
            merged(plan, before, false, old.sources(), () -> plan.mergedHouses.add(next));
        }
    }

    // ---- organisations

    private record IncomingOrganisation(int row, String name, String code, OrgType type, String address, double lon,
                                        double lat, Placement.Place place) {
    }

    private void organisations(ImportPlan plan, List<ImportSheet.SheetRow> rows, DataScope scope, IntConsumer progress) {
        Labels.Reader<OrgType> types = labels.reader(OrgType.class, "registry.orgType.");
        Map<String, IncomingOrganisation> incoming = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportSheet.SheetRow r = rows.get(i);
            int before = plan.problems.size();
            String name = required(plan, r, ImportKind.ORGANISATION, "name");
            String codeText = required(plan, r, ImportKind.ORGANISATION, "creditCode");
            CreditCode code = null;
            if (codeText != null) {
                CreditCode.Result parsed = CreditCode.parse(codeText);
                if (parsed.valid()) {
                    code = parsed.code();
                } else {
                    plan.problem(r.number(), "creditCode", "registry.row.creditCode." + parsed.problem());
                }
            }
            OrgType type = code(plan, r, ImportKind.ORGANISATION, "orgType", types, true);
            String address = required(plan, r, ImportKind.ORGANISATION, "address");
            double[] at = coordinates(plan, r, ImportKind.ORGANISATION);
            Placement.Place place = at == null ? null : place(plan, r.number(), at, scope);
            if (plan.problems.size() == before) {
                IncomingOrganisation first = incoming.putIfAbsent(code.value(), new IncomingOrganisation(r.number(),
                        name, code.value(), type, Addresses.display(address), at[0], at[1], place));
                if (first != null) {
                    plan.problem(r.number(), "creditCode", "registry.row.duplicate", first.row());
                }
            }
            tick(progress, i);
        }
        Map<String, Organisation> stored = new HashMap<>();
        for (List<String> batch : batches(new ArrayList<>(incoming.keySet()))) {
            stored.putAll(organisations.byCodes(batch));
        }
        for (IncomingOrganisation in : incoming.values()) {
            Organisation old = stored.get(in.code());
            Organisation next = new Organisation(old == null ? UUID.randomUUID() : old.id(), in.name(), in.code(),
                    in.type(), in.address(), in.lon(), in.lat(), in.place().regionCode(),
                    in.place().dedicatedRegionCode(),
                    old == null ? List.of(plan.department.name()) : Houses.union(old.sources(), plan.department.name()),
                    old == null ? 0 : old.version());
            if (old == null) {
                plan.newOrganisations.add(next);
                continue;
            }
            if (!scope.coversRegion(old.regionCode())) {
                plan.problem(in.row(), "creditCode", "registry.row.outsideScope");
                continue;
            }
            int before = plan.conflicts.size();
            String record = old.creditCode() + " " + old.name();
            conflict(plan, in.row(), record, "name", old.name(), in.name(), old.sources());
            conflict(plan, in.row(), record, "orgType", old.type().name(), in.type().name(), old.sources());
            conflict(plan, in.row(), record, "address", old.address(), in.address(), old.sources());
            conflict(plan, in.row(), record, "location", position(old.lon(), old.lat()), position(in.lon(), in.lat()),
                    old.sources());
            merged(plan, before, false, old.sources(), () -> plan.mergedOrganisations.add(next));
        }
    }

    // ---- residents

    private record IncomingResident(int row, String name, IdCardNumber id, byte[] idHash, PhoneNumber phone,
                                    String addressKey, String household, List<String> tags) {
    }

    private void residents(ImportPlan plan, List<ImportSheet.SheetRow> rows, DataScope scope, IntConsumer progress) {
        Labels.Reader<ResidentTag> tagReader = labels.reader(ResidentTag.class, "registry.tag.");
        Map<String, IncomingResident> incoming = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportSheet.SheetRow r = rows.get(i);
            int before = plan.problems.size();
            String name = required(plan, r, ImportKind.RESIDENT, "name");
            String idText = required(plan, r, ImportKind.RESIDENT, "idNumber");
            IdCardNumber id = null;
            if (idText != null) {
                IdCardNumber.Result parsed = IdCardNumber.parse(idText);
                if (parsed.valid()) {
                    id = parsed.number();
                } else {
                    plan.problem(r.number(), "idNumber", "registry.row.idNumber." + parsed.problem());
                }
            }
            String phoneText = r.cell(ImportKind.RESIDENT.index("phone"));
            PhoneNumber phone = phoneText.isEmpty() ? null : PhoneNumber.parse(phoneText);
            if (!phoneText.isEmpty() && phone == null) {
                plan.problem(r.number(), "phone", "registry.row.phone");
            }
            String address = required(plan, r, ImportKind.RESIDENT, "address");
            List<String> tags = new ArrayList<>();
            for (String t : r.cell(ImportKind.RESIDENT.index("tags")).split("[,，、;；/\\s]+")) {
                if (!t.isBlank()) {
                    Optional<ResidentTag> tag = tagReader.read(t);
                    tag.ifPresentOrElse(x -> tags.add(x.name()),
                            () -> plan.problem(r.number(), "tags", "registry.row.unknownValue", t));
                }
            }
            if (plan.problems.size() == before) {
                byte[] hash = cipher.hash(PiiCipher.Field.ID_NUMBER, id.value());
                String household = r.cell(ImportKind.RESIDENT.index("household"));
                IncomingResident first = incoming.putIfAbsent(Rows.hex(hash), new IncomingResident(r.number(), name, id,
                        hash, phone, Addresses.key(address), household.isEmpty() ? null : household,
                        List.copyOf(new LinkedHashSet<>(tags))));
                if (first != null) {
                    plan.problem(r.number(), "idNumber", "registry.row.duplicate", first.row());
                }
            }
            tick(progress, i);
        }
        Map<String, House> homes = new HashMap<>();
        for (List<String> batch : batches(incoming.values().stream().map(IncomingResident::addressKey).distinct().toList())) {
            homes.putAll(houses.byKeys(batch));
        }
        Map<String, Resident> stored = new HashMap<>();
        for (List<byte[]> batch : batches(incoming.values().stream().map(IncomingResident::idHash).toList())) {
            stored.putAll(residents.byIdHashes(batch));
        }
        Map<UUID, House> homesById = new HashMap<>();
        homes.values().forEach(h -> homesById.put(h.id(), h));
        // the houses stored residents live in now, to show a move as an address conflict
        List<UUID> formerHomes = stored.values().stream().map(Resident::houseId)
                .filter(id -> !homesById.containsKey(id)).distinct().toList();
        for (List<UUID> batch : batches(formerHomes)) {
            houses.byIds(batch).forEach(h -> homesById.put(h.id(), h));
        }
        for (IncomingResident in : incoming.values()) {
            House home = homes.get(in.addressKey());
            if (home == null) {
                plan.problem(in.row(), "address", "registry.row.noHouse");
                continue;
            }
            if (!scope.coversRegion(home.regionCode())) {
                plan.problem(in.row(), "address", "registry.row.outsideScope");
                continue;
            }
            Resident old = stored.get(Rows.hex(in.idHash()));
            if (old != null && !scope.coversRegion(old.regionCode())) {
                plan.problem(in.row(), "idNumber", "registry.row.outsideScope");
                continue;
            }
            PhoneNumber phone = in.phone();
            if (old == null) {
                plan.newResidents.add(new Resident(UUID.randomUUID(), in.name(),
                        cipher.encrypt(PiiCipher.Field.ID_NUMBER, in.id().value()), in.idHash(), in.id().masked(),
                        phone == null ? null : cipher.encrypt(PiiCipher.Field.PHONE, phone.value()),
                        phone == null ? null : cipher.hash(PiiCipher.Field.PHONE, phone.value()),
                        phone == null ? null : phone.masked(), String.valueOf(in.id().gender()), home.id(),
                        in.household(), in.tags(), home.regionCode(), List.of(plan.department.name()), 0));
                continue;
            }
            int before = plan.conflicts.size();
            String record = old.idMasked() + " " + old.name();
            conflict(plan, in.row(), record, "name", old.name(), in.name(), old.sources());
            byte[] phoneHash = phone == null ? old.phoneHash() : cipher.hash(PiiCipher.Field.PHONE, phone.value());
            if (phone != null && !java.util.Arrays.equals(phoneHash, old.phoneHash())) {
                // the preview shows both numbers masked: it is not a way around the reveal permission
                plan.conflicts.add(new Conflict(in.row(), record, "phone", old.phoneMasked(), phone.masked(),
                        old.sources(), plan.department.name()));
            }
            House oldHome = homesById.get(old.houseId());
            conflict(plan, in.row(), record, "address", oldHome == null ? "" : oldHome.address(), home.address(),
                    old.sources());
            if (in.household() != null) {
                conflict(plan, in.row(), record, "household", old.household(), in.household(), old.sources());
            }
            LinkedHashSet<String> tags = new LinkedHashSet<>(old.tags());
            tags.addAll(in.tags());
            boolean newTags = tags.size() > old.tags().size();
            Resident next = new Resident(old.id(), in.name(), old.idCipher(), old.idHash(), old.idMasked(),
                    phone == null ? old.phoneCipher() : cipher.encrypt(PiiCipher.Field.PHONE, phone.value()),
                    phoneHash, phone == null ? old.phoneMasked() : phone.masked(), old.gender(), home.id(),
                    in.household() == null ? old.household() : in.household(), List.copyOf(tags), home.regionCode(),
                    Houses.union(old.sources(), plan.department.name()), old.version());
            merged(plan, before, newTags, old.sources(), () -> plan.mergedResidents.add(next));
        }
    }

    // ---- cells

    private static String required(ImportPlan plan, ImportSheet.SheetRow r, ImportKind kind, String column) {
        String text = r.cell(kind.index(column));
        if (text.isEmpty()) {
            plan.problem(r.number(), column, "registry.row.required");
            return null;
        }
        return text;
    }

    /** lon and lat as numbers within WGS-84's range; null after reporting the problem. */
    private static double[] coordinates(ImportPlan plan, ImportSheet.SheetRow r, ImportKind kind) {
        Double lon = number(plan, r, kind, "lon", 180);
        Double lat = number(plan, r, kind, "lat", 90);
        return lon == null || lat == null ? null : new double[] {lon, lat};
    }

    private static Double number(ImportPlan plan, ImportSheet.SheetRow r, ImportKind kind, String column, double max) {
        String text = required(plan, r, kind, column);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC));
            if (!(Math.abs(value) <= max)) {
                plan.problem(r.number(), column, "registry.row.coordinateRange", text, -max, max);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            plan.problem(r.number(), column, "registry.row.notNumber", text);
            return null;
        }
    }

    private Placement.Place place(ImportPlan plan, int row, double[] at, DataScope scope) {
        Optional<Placement.Place> place = plan.placements.computeIfAbsent(at[0] + "," + at[1],
                k -> placement.of(at[0], at[1]));
        if (place.isEmpty()) {
            plan.problem(row, "lon", "registry.row.outsideTown");
            return null;
        }
        if (!scope.coversRegion(place.get().regionCode())) {
            plan.problem(row, "lon", "registry.row.outsideScope");
            return null;
        }
        return place.get();
    }

    private static <E> E code(ImportPlan plan, ImportSheet.SheetRow r, ImportKind kind, String column,
                              Labels.Reader<E> reader, boolean required) {
        String text = required ? required(plan, r, kind, column) : r.cell(kind.index(column));
        if (text == null || text.isEmpty()) {
            return null;
        }
        Optional<E> value = reader.read(text);
        if (value.isEmpty()) {
            plan.problem(r.number(), column, "registry.row.unknownValue", text);
        }
        return value.orElse(null);
    }

    private static Boolean yesNo(ImportPlan plan, ImportSheet.SheetRow r, int index, String column) {
        String text = r.cell(index).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "", "否", "no", "n", "false", "0" -> false;
            case "是", "yes", "y", "true", "1" -> true;
            default -> {
                plan.problem(r.number(), column, "registry.row.yesNo", r.cell(index));
                yield null;
            }
        };
    }

    private static void conflict(ImportPlan plan, int row, String record, String field, String stored, String incoming,
                                 List<String> storedSources) {
        if (!Objects.equals(blankToNull(stored), blankToNull(incoming))) {
            plan.conflicts.add(new Conflict(row, record, field, stored, incoming, storedSources, plan.department.name()));
        }
    }

    /** A matched record is written when a field changes, it gains something, or this department is new to it. */
    private static void merged(ImportPlan plan, int conflictsBefore, boolean gains, List<String> storedSources,
                               Runnable write) {
        if (plan.conflicts.size() > conflictsBefore || gains || !storedSources.contains(plan.department.name())) {
            write.run();
        } else {
            plan.unchanged++;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String position(double lon, double lat) {
        // six decimals is about 0.1 m: finer differences are the same place
        return String.format(Locale.ROOT, "%.6f, %.6f", lon, lat);
    }

    private static void tick(IntConsumer progress, int i) {
        if ((i + 1) % PROGRESS_EVERY == 0) {
            progress.accept(i + 1);
        }
    }

    private static <T> List<List<T>> batches(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += LOOKUP_BATCH) {
            out.add(all.subList(i, Math.min(all.size(), i + LOOKUP_BATCH)));
        }
        return out;
    }
}
