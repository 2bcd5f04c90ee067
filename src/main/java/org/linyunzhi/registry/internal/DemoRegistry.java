package org.linyunzhi.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.linyunzhi.grid.DedicatedType;
import org.linyunzhi.grid.RegionNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo town's registry: houses across the micro-grids with addresses such as 临浦镇通二村118号,
 * their residents with valid (checksummed, invented) ID-card and phone numbers and tags, and the
 * organisations — each school, market, hospital, enterprise and building site inside the dedicated
 * micro-grid drawn around it, the rest (民宿 and 旅馆, restaurants, shops…) among the houses.
 * <p>
 * The grid module publishes no polygons, so places are found by throwing seeded random points over
 * the town and asking GridApi.locate where each landed; a fixed seed makes the town the same on
 * every run. Runs after the grid demo (10) and the tasks (40); a loaded registry is left alone.
 */
@Component
@Profile("demo")
@Order(50)
class DemoRegistry implements ApplicationRunner {

    static final long SEED = 20221026L + 50;
    static final int HOUSES = 3800;
    // each GridApi.locate also reads the point's rosters, so the survey is kept to what the town needs
    static final int SAMPLES = 11_000;
    // the box around the demo town's outline (30.05°N 120.25°E, about 47 km², the Puyang River to
    // the east); about half of it is town, points outside every micro-grid are dropped
    private static final double WEST = 120.198, EAST = 120.288, SOUTH = 29.995, NORTH = 30.105;
    private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);

    private final Placement placement;
    private final PiiCipher cipher;
    private final Houses houses;
    private final Organisations organisations;
    private final Residents residents;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DemoRegistry(Placement placement, PiiCipher cipher, Houses houses, Organisations organisations, Residents residents,
                 JdbcClient jdbc, TransactionTemplate transaction) {
        this.placement = placement;
        this.cipher = cipher;
        this.houses = houses;
        this.organisations = organisations;
        this.residents = residents;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry_house)").query(Boolean.class).single()) {
            log.info("Demo registry is already loaded; left as it is");
            return;
        }
        long started = System.nanoTime();
        Town town = survey(new Random(SEED));
        long surveyed = System.nanoTime();
        Random random = new Random(SEED + 1);
        List<House> houseList = houses(town, random);
        List<Organisation> orgList = organisations(town, random);
        List<Resident> residentList = residents(houseList, random);
        long generated = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            houses.insert(houseList);
            organisations.insert(orgList);
            residents.insert(residentList);
        });
        long now = System.nanoTime();
        log.info("Demo registry: {} houses, {} residents, {} organisations in {} ms (survey {} ms, generate {} ms, "
                        + "store {} ms)", houseList.size(), residentList.size(), orgList.size(), (now - started) / 1_000_000,
                (surveyed - started) / 1_000_000, (generated - surveyed) / 1_000_000, (now - generated) / 1_000_000);
    }

    /**
     * Seeded points over the town, by where they landed: ordinary micro-grid points, and points per
     * dedicated micro-grid. The points are drawn first and routed in parallel (each routing waits on
     * a roster query), then read back in drawing order, so the town is the same on every run.
     */
    private Town survey(Random random) {
        double[][] points = new double[SAMPLES][];
        for (int i = 0; i < SAMPLES; i++) {
            points[i] = new double[] {WEST + random.nextDouble() * (EAST - WEST), SOUTH + random.nextDouble() * (NORTH - SOUTH)};
        }
        @SuppressWarnings("unchecked")
        java.util.Optional<Placement.Place>[] places = new java.util.Optional[SAMPLES];
        java.util.stream.IntStream.range(0, SAMPLES).parallel()
                .forEach(i -> places[i] = placement.of(points[i][0], points[i][1]));
        Town town = new Town();
        for (int i = 0; i < SAMPLES; i++) {
            double lon = points[i][0];
            double lat = points[i][1];
            places[i].ifPresent(p -> {
                Spot spot = new Spot(lon, lat, p);
                if (p.dedicatedRegionCode() != null) {
                    town.dedicated.computeIfAbsent(p.location().microGrid(), k -> new ArrayList<>()).add(spot);
                } else {
                    town.ordinary.add(spot);
                }
            });
        }
        return town;
    }

    private List<House> houses(Town town, Random random) {
        List<House> list = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, Boolean> taken = new HashMap<>();
        for (int i = 0; i < HOUSES && i < town.ordinary.size(); i++) {
            Spot s = town.ordinary.get(i);
            String address = address(s, numbers, random);
            if (taken.putIfAbsent(Addresses.key(address), true) != null) {
                continue;
            }
            double roll = random.nextDouble();
            HouseUse use = roll < 0.80 ? HouseUse.RESIDENTIAL : roll < 0.88 ? HouseUse.MIXED : roll < 0.94 ? HouseUse.SHOP
                    : roll < 0.97 ? HouseUse.WAREHOUSE : HouseUse.WORKSHOP;
            List<String> sources = random.nextDouble() < 0.6 ? List.of(Department.HOUSING.name())
                    : List.of(Department.HOUSING.name(), Department.PUBLIC_SECURITY.name());
            list.add(new House(uuid(random), address, Addresses.key(address), use, random.nextDouble() < 0.18,
                    s.lon, s.lat, s.place.regionCode(), null, sources, 0));
        }
        town.nextOrdinary = list.size();
        return list;
    }

    /** 临浦镇通二村118号; numbers rise within a village as houses are placed. */
    private static String address(Spot s, Map<String, Integer> numbers, Random random) {
        RegionNode village = s.place.location().village();
        String villageName = village == null ? "" : village.name();
        int n = numbers.merge(villageName, 1 + random.nextInt(3), Integer::sum);
        String town = s.place.location().town() == null ? "" : s.place.location().town().name();
        return town + villageName + n + "号";
    }

    private List<Organisation> organisations(Town town, Random random) {
        List<Organisation> list = new ArrayList<>();
        CreditCodes codes = new CreditCodes(random);
        // every school, market, hospital, enterprise and site is in the dedicated micro-grid named after it
        for (Map.Entry<RegionNode, List<Spot>> d : town.dedicated.entrySet()) {
            DedicatedType kind = d.getKey().dedicatedType();
            OrgType type = switch (kind) {
                case ENTERPRISE -> OrgType.FACTORY;
                case SCHOOL -> OrgType.SCHOOL;
                case MARKET -> OrgType.MARKET;
                case HOSPITAL -> OrgType.HOSPITAL;
                case CONSTRUCTION_SITE -> OrgType.CONSTRUCTION;
                case SCENIC_AREA -> OrgType.OTHER;
            };
            Spot s = d.getValue().get(0);
            list.add(organisation(random, codes, d.getKey().name(), type, s, Department.MARKET_REGULATION));
            if (kind == DedicatedType.SCENIC_AREA || kind == DedicatedType.MARKET) {
                // a few shops, restaurants and guesthouses inside scenic areas and markets
                for (int i = 1; i < Math.min(4, d.getValue().size()); i++) {
                    OrgType t = kind == DedicatedType.MARKET ? OrgType.SHOP
                            : i % 2 == 0 ? OrgType.RESTAURANT : OrgType.ACCOMMODATION;
                    list.add(organisation(random, codes, DemoRegistryNames.business(t, random), t, d.getValue().get(i),
                            Department.MARKET_REGULATION));
                }
            }
        }
        Map<OrgType, Integer> spread = new EnumMap<>(OrgType.class);
        spread.put(OrgType.ACCOMMODATION, 150);
        spread.put(OrgType.RESTAURANT, 130);
        spread.put(OrgType.SHOP, 140);
        spread.put(OrgType.FACTORY, 60);
        spread.put(OrgType.OTHER, 40);
        int next = town.nextOrdinary;
        for (Map.Entry<OrgType, Integer> e : spread.entrySet()) {
            int have = (int) list.stream().filter(o -> o.type() == e.getKey()).count();
            for (int i = have; i < e.getValue() && next < town.ordinary.size(); i++) {
                Spot s = town.ordinary.get(next++);
                list.add(organisation(random, codes, DemoRegistryNames.business(e.getKey(), random), e.getKey(), s,
                        e.getKey() == OrgType.ACCOMMODATION && i % 3 == 0 ? Department.PUBLIC_SECURITY
                                : Department.MARKET_REGULATION));
            }
        }
        return list;
    }

    private Organisation organisation(Random random, CreditCodes codes, String name, OrgType type, Spot s,
                                      Department source) {
        Map<String, Integer> none = new LinkedHashMap<>();
        String address = address(s, none, random).replaceAll("\\d+号$", "") + (1 + random.nextInt(400)) + "号";
        return new Organisation(uuid(random), name, codes.next(type), type, address, s.lon, s.lat,
                s.place.regionCode(), s.place.dedicatedRegionCode(), List.of(source.name()), 0);
    }

    /** Two or three residents in most homes; shops and warehouses mostly none. */
    private List<Resident> residents(List<House> houseList, Random random) {
        List<Resident> list = new ArrayList<>();
        IdNumbers ids = new IdNumbers(random);
        for (House h : houseList) {
            int people = switch (h.use()) {
                case RESIDENTIAL -> 1 + random.nextInt(4);
                case MIXED -> 1 + random.nextInt(3);
                default -> random.nextDouble() < 0.2 ? 1 : 0;
            };
            String surname = DemoRegistryNames.surname(random);
            String household = people == 0 ? null : "H" + h.regionCode().substring(9, 15) + String.format("%05d", list.size());
            for (int i = 0; i < people; i++) {
                boolean alone = people == 1;
                LocalDate birth = i == 0 && alone && random.nextDouble() < 0.3
                        ? LocalDate.of(1935 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28))
                        : LocalDate.of(1945 + random.nextInt(78), 1 + random.nextInt(12), 1 + random.nextInt(28));
                boolean male = random.nextBoolean();
                IdCardNumber id = ids.next(birth, male);
                PhoneNumber phone = birth.getYear() > 2012 ? null : DemoRegistryNames.phone(random);
                List<String> tags = new ArrayList<>();
                if (alone && birth.getYear() < 1956) {
                    tags.add(ResidentTag.ELDERLY_ALONE.name());
                }
                if (random.nextDouble() < 0.015) {
                    tags.add(ResidentTag.DISABLED.name());
                }
                if (male && birth.getYear() < 2000 && random.nextDouble() < 0.03) {
                    tags.add(ResidentTag.VETERAN.name());
                }
                if (random.nextDouble() < 0.02) {
                    tags.add(ResidentTag.LOW_INCOME.name());
                }
                if (h.rented() && random.nextDouble() < 0.5) {
                    tags.add(ResidentTag.FLOATING_POPULATION.name());
                }
                String name = (i == 0 || random.nextDouble() < 0.7 ? surname : DemoRegistryNames.surname(random))
                        + DemoRegistryNames.given(random, male);
                List<String> sources = tags.isEmpty() ? List.of(Department.PUBLIC_SECURITY.name())
                        : List.of(Department.PUBLIC_SECURITY.name(), Department.CIVIL_AFFAIRS.name());
                list.add(new Resident(uuid(random), name,
                        cipher.encrypt(PiiCipher.Field.ID_NUMBER, id.value()),
                        cipher.hash(PiiCipher.Field.ID_NUMBER, id.value()), id.masked(),
                        phone == null ? null : cipher.encrypt(PiiCipher.Field.PHONE, phone.value()),
                        phone == null ? null : cipher.hash(PiiCipher.Field.PHONE, phone.value()),
                        phone == null ? null : phone.masked(), String.valueOf(id.gender()), h.id(), household, tags,
                        h.regionCode(), sources, 0));
            }
        }
        return list;
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** Invented, valid ID-card numbers of 萧山区 (330109), never repeated. */
    private static final class IdNumbers {
        private final Random random;
        private final java.util.Set<String> used = new java.util.HashSet<>();

        IdNumbers(Random random) {
            this.random = random;
        }

        IdCardNumber next(LocalDate birth, boolean male) {
            while (true) {
                int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
                String first17 = "330109" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                        + String.format("%03d", seq);
                String number = first17 + IdCardNumber.checkCharacter(first17);
                if (used.add(number)) {
                    return new IdCardNumber(number);
                }
            }
        }
    }

    /** Invented, valid unified social credit codes registered in 萧山区: 91 companies, 92 individual businesses, 12 schools and hospitals. */
    private static final class CreditCodes {
        private final Random random;
        private final java.util.Set<String> used = new java.util.HashSet<>();

        CreditCodes(Random random) {
            this.random = random;
        }

        String next(OrgType type) {
            String prefix = switch (type) {
                case SCHOOL, HOSPITAL -> "12";
                case ACCOMMODATION, RESTAURANT, SHOP -> random.nextBoolean() ? "92" : "91";
                default -> "91";
            };
            while (true) {
                StringBuilder org = new StringBuilder();
                for (int i = 0; i < 8; i++) {
                    org.append(random.nextInt(10));
                }
                org.append(organisationCheck(org));
                String first17 = prefix + "330109" + org;
                String code = first17 + CreditCode.checkCharacter(first17);
                if (used.add(code)) {
                    return code;
                }
            }
        }

        /** The organisation code's own check character (GB 11714): weights 3 7 9 10 5 8 4 2, mod 11. */
        private static char organisationCheck(CharSequence digits) {
            int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (digits.charAt(i) - '0') * w[i];
            }
            int c = 11 - sum % 11;
            return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
        }
    }

    private record Spot(double lon, double lat, Placement.Place place) {
    }

    private static final class Town {
        final List<Spot> ordinary = new ArrayList<>();
        final Map<RegionNode, List<Spot>> dedicated = new LinkedHashMap<>();
        int nextOrdinary;
    }
}
