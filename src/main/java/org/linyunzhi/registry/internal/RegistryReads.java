package org.linyunzhi.registry.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.registry.internal.RegistryViews.HouseView;
import org.linyunzhi.registry.internal.RegistryViews.OrganisationView;
import org.linyunzhi.registry.internal.RegistryViews.Page;
import org.linyunzhi.registry.internal.RegistryViews.ResidentView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The lists and detail views behind the pages, the API and the export, each within the reader's
 * data scope. Parameters arrive as typed text and are checked here, so pages and API refuse the
 * same inputs with the same messages.
 */
@Service
class RegistryReads {

    static final int MAX_SIZE = 200;

    private final Houses houses;
    private final Organisations organisations;
    private final Residents residents;
    private final PiiCipher cipher;
    private final JdbcClient jdbc;

    RegistryReads(Houses houses, Organisations organisations, Residents residents, PiiCipher cipher, JdbcClient jdbc) {
        this.houses = houses;
        this.organisations = organisations;
        this.residents = residents;
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    Page<HouseView> houses(String q, String use, String rented, String region, int page, int size, DataScope scope) {
        checkPage(page, size);
        Houses.HouseSearch search = new Houses.HouseSearch(blank(q), use == null || use.isBlank() ? null
                : HouseUse.parse(use).orElseThrow(() -> new BadSearch("use", "registry.search.unknown", use)),
                bool(rented, "rented"), region(region));
        List<House> rows = houses.search(search, scope, page * size, size);
        Map<UUID, Integer> counts = residentCounts(rows.stream().map(House::id).toList());
        return new Page<>(rows.stream().map(h -> HouseView.of(h, counts.getOrDefault(h.id(), 0))).toList(), page, size,
                houses.count(search, scope));
    }

    Page<OrganisationView> organisations(String q, String type, boolean dedicated, String region, int page, int size,
                                         DataScope scope) {
        checkPage(page, size);
        Organisations.OrganisationSearch search = new Organisations.OrganisationSearch(blank(q),
                type == null || type.isBlank() ? null
                        : OrgType.parse(type).orElseThrow(() -> new BadSearch("type", "registry.search.unknown", type)),
                dedicated, region(region));
        return new Page<>(organisations.search(search, scope, page * size, size).stream().map(OrganisationView::of)
                .toList(), page, size, organisations.count(search, scope));
    }

    /**
     * Residents by name, by exact ID-card number or exact phone (looked up by keyed hash), by tag.
     * A number that is not a valid ID or phone is refused rather than silently finding nobody.
     */
    Page<ResidentView> residents(String name, String number, String tag, String region, int page, int size,
                                 DataScope scope) {
        checkPage(page, size);
        byte[] idHash = null;
        byte[] phoneHash = null;
        if (blank(number) != null) {
            IdCardNumber.Result id = IdCardNumber.parse(number);
            PhoneNumber phone = PhoneNumber.parse(number);
            if (id.valid()) {
                idHash = cipher.hash(PiiCipher.Field.ID_NUMBER, id.number().value());
            } else if (phone != null) {
                phoneHash = cipher.hash(PiiCipher.Field.PHONE, phone.value());
            } else {
                throw new BadSearch("number", "registry.search.number");
            }
        }
        ResidentTag t = null;
        if (blank(tag) != null) {
            t = Codes.parse(ResidentTag.class, tag).orElseThrow(() -> new BadSearch("tag", "registry.search.unknown", tag));
        }
        Residents.ResidentSearch search = new Residents.ResidentSearch(blank(name), idHash, phoneHash, t, region(region));
        List<Resident> rows = residents.search(search, scope, page * size, size);
        Map<UUID, String> addresses = addresses(rows.stream().map(Resident::houseId).distinct().toList());
        return new Page<>(rows.stream().map(r -> ResidentView.of(r, addresses.get(r.houseId()))).toList(), page, size,
                residents.count(search, scope));
    }

    Optional<HouseView> house(UUID id, DataScope scope) {
        return houses.find(id, scope).map(h -> HouseView.of(h, residentCounts(List.of(id)).getOrDefault(id, 0)));
    }

    List<ResidentView> residentsOf(UUID houseId, DataScope scope) {
        return houses.find(houseId, scope).map(h -> residents.ofHouse(houseId, scope).stream()
                .map(r -> ResidentView.of(r, h.address())).toList()).orElse(List.of());
    }

    Optional<OrganisationView> organisation(UUID id, DataScope scope) {
        return organisations.find(id, scope).map(OrganisationView::of);
    }

    Optional<ResidentView> resident(UUID id, DataScope scope) {
        return residents.find(id, scope).map(r -> ResidentView.of(r, addresses(List.of(r.houseId())).get(r.houseId())));
    }

    private Map<UUID, Integer> residentCounts(List<UUID> houseIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (!houseIds.isEmpty()) {
            jdbc.sql("SELECT house_id, count(*) AS n FROM registry_resident WHERE house_id = ANY(:ids) GROUP BY house_id")
                    .param("ids", houseIds.toArray(UUID[]::new))
                    .query((rs, n) -> counts.put(rs.getObject("house_id", UUID.class), rs.getInt("n"))).list();
        }
        return counts;
    }

    private Map<UUID, String> addresses(List<UUID> houseIds) {
        Map<UUID, String> found = new HashMap<>();
        houses.byIds(houseIds).forEach(h -> found.put(h.id(), h.address()));
        return found;
    }

    private static void checkPage(int page, int size) {
        if (page < 0) {
            throw new BadSearch("page", "registry.search.page");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadSearch("size", "registry.search.size", MAX_SIZE);
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Boolean bool(String text, String field) {
        if (blank(text) == null) {
            return null;
        }
        return switch (text.strip().toLowerCase()) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new BadSearch(field, "registry.search.unknown", text);
        };
    }

    private static String region(String text) {
        if (blank(text) == null) {
            return null;
        }
        if (!text.strip().matches("\\d{1,19}")) {
            throw new BadSearch("region", "registry.search.region", text);
        }
        return text.strip();
    }
}
