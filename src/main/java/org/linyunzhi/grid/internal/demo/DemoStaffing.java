package org.linyunzhi.grid.internal.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Staffs the demo town the way the seed describes Linpu's grids: every grid "1+3+N" (a head, a
 * full-time and a part-time worker, a guide, and N party members and volunteers), every micro-grid
 * and dedicated micro-grid "一长两员" (a head and two members), about 2,500 people in all.
 * <p>
 * Management is flat: the village's main cadres head its grids, each heading several; village
 * committee members and auxiliary police are the full-time workers; a town cadre guides all grids
 * of a village; micro-grid heads double as the grid's part-time worker and party members. A
 * dedicated micro-grid gets its own head and member from the compound plus one member of the
 * micro-grid around it. A few posts are left empty on purpose so that the staffing view has gaps
 * to show.
 */
final class DemoStaffing {

    static final int MICRO_GRIDS_SHORT_OF_A_MEMBER = 6;
    static final int GRIDS_WITHOUT_GUIDE = 2;

    record Person(String key, String name, String gender, String phone) {
    }

    record Assignment(String nodeCode, String role, Person person) {
    }

    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
            "150", "151", "152", "153", "155", "157", "158", "159", "177", "180", "181", "182", "183", "186", "187",
            "188", "189", "198", "199"};

    private final Random rnd;
    private final List<Assignment> out = new ArrayList<>();
    private final Set<String> phones = new HashSet<>();
    private int sequence;

    private DemoStaffing(Random rnd) {
        this.rnd = rnd;
    }

    static List<Assignment> staff(List<DemoNode> nodes, Random rnd) {
        return new DemoStaffing(rnd).staffAll(nodes);
    }

    private List<Assignment> staffAll(List<DemoNode> nodes) {
        Map<String, List<DemoNode>> gridsByVillage = new LinkedHashMap<>();
        Map<String, List<DemoNode>> microByGrid = new LinkedHashMap<>();
        List<DemoNode> dedicated = new ArrayList<>();
        List<DemoNode> grids = new ArrayList<>();
        List<DemoNode> micro = new ArrayList<>();
        for (DemoNode n : nodes) {
            switch (n.level()) {
                case "GRID" -> {
                    gridsByVillage.computeIfAbsent(n.parentCode(), k -> new ArrayList<>()).add(n);
                    grids.add(n);
                }
                case "MICRO_GRID" -> {
                    microByGrid.computeIfAbsent(n.parentCode(), k -> new ArrayList<>()).add(n);
                    micro.add(n);
                }
                case "DEDICATED_MICRO_GRID" -> dedicated.add(n);
                default -> {
                }
            }
        }
        // the deliberate gaps, chosen before anyone is drawn so they do not shift other people
        Set<String> shortOfMember = pick(micro, MICRO_GRIDS_SHORT_OF_A_MEMBER);
        Set<String> withoutGuide = pick(grids, GRIDS_WITHOUT_GUIDE);

        // micro-grids first: their heads and members are the pool the grid draws on
        Map<String, List<Person>> crew = new LinkedHashMap<>();
        for (DemoNode m : micro) {
            List<Person> people = new ArrayList<>();
            people.add(assign(m.code(), "MICRO_GRID_HEAD", person(0.55)));
            people.add(assign(m.code(), "MICRO_GRID_MEMBER", person(0.5)));
            if (!shortOfMember.contains(m.code())) {
                people.add(assign(m.code(), "MICRO_GRID_MEMBER", person(0.5)));
            }
            crew.put(m.code(), people);
        }
        for (DemoNode d : dedicated) {
            assign(d.code(), "MICRO_GRID_HEAD", person(0.6));
            assign(d.code(), "MICRO_GRID_MEMBER", person(0.5));
            DemoNode host = microByGrid.get(d.parentCode()).stream()
                    .filter(m -> m.geometry().contains(d.geometry())).findFirst().orElseThrow();
            List<Person> hostCrew = crew.get(host.code());
            assign(d.code(), "MICRO_GRID_MEMBER", hostCrew.get(hostCrew.size() - 1));
        }
        for (Map.Entry<String, List<DemoNode>> village : gridsByVillage.entrySet()) {
            List<DemoNode> villageGrids = village.getValue();
            // one cadre heads about two grids, one town cadre guides up to four
            List<Person> cadres = people((villageGrids.size() + 1) / 2, 0.7);
            List<Person> guides = people((villageGrids.size() + 3) / 4, 0.6);
            for (int i = 0; i < villageGrids.size(); i++) {
                String code = villageGrids.get(i).code();
                List<DemoNode> gridMicro = microByGrid.get(code);
                assign(code, "GRID_HEAD", cadres.get(i % cadres.size()));
                assign(code, "FULL_TIME_WORKER", person(0.5));
                assign(code, "PART_TIME_WORKER", crew.get(gridMicro.get(0).code()).get(0));
                if (!withoutGuide.contains(code)) {
                    assign(code, "GRID_GUIDE", guides.get(i % guides.size()));
                }
                assign(code, "PARTY_MEMBER", crew.get(gridMicro.get(1).code()).get(0));
                assign(code, "PARTY_MEMBER", crew.get(gridMicro.get(2).code()).get(0));
                assign(code, "VOLUNTEER", crew.get(gridMicro.get(3).code()).get(1));
                // a resident volunteer in every third grid brings the total to the seed's 2,500-odd
                if (i % 3 == 0) {
                    assign(code, "VOLUNTEER", person(0.4));
                }
            }
        }
        // by node, in code order, each node's roles in the order they were given
        List<Assignment> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(Assignment::nodeCode));
        return sorted;
    }

    private Set<String> pick(List<DemoNode> from, int n) {
        List<String> codes = new ArrayList<>(from.stream().map(DemoNode::code).toList());
        Collections.shuffle(codes, rnd);
        return new HashSet<>(codes.subList(0, n));
    }

    private Person assign(String nodeCode, String role, Person p) {
        out.add(new Assignment(nodeCode, role, p));
        return p;
    }

    private List<Person> people(int n, double maleShare) {
        List<Person> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(person(maleShare));
        }
        return list;
    }

    private Person person(double maleShare) {
        boolean male = rnd.nextDouble() < maleShare;
        sequence++;
        return new Person("demo-%05d".formatted(sequence), DemoNames.person(rnd, male), male ? "MALE" : "FEMALE", phone());
    }

    /** A well-formed mainland mobile number (1xx xxxx xxxx) no other demo person has. */
    private String phone() {
        while (true) {
            String p = MOBILE_PREFIXES[rnd.nextInt(MOBILE_PREFIXES.length)] + "%08d".formatted(rnd.nextInt(100_000_000));
            if (phones.add(p)) {
                return p;
            }
        }
    }
}
