package org.linyunzhi.resource.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.DataScope;
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
 * The demo town's emergency resources: a dozen rescue teams, a shelter in every village (its hall
 * or its school) plus the town's gym and schools, and six warehouses whose stock came in and went
 * out through real movements, a few items now under their minimum. Everything is placed at random
 * points the grid routes to a micro-grid, so each resource is filed under the village it stands
 * in. Runs after the grid, users and tasks (Order 40); a fixed seed gives the same town every run;
 * resources already loaded are left alone.
 */
@Component
@Profile("demo")
@Order(52)
class DemoResources implements ApplicationRunner {

    static final long SEED = 20261204L + 52;
    private static final Logger log = LoggerFactory.getLogger(DemoResources.class);

    private final GridApi grid;
    private final Teams teams;
    private final Shelters shelters;
    private final Warehouses warehouses;
    private final Stock stock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DemoResources(GridApi grid, Teams teams, Shelters shelters, Warehouses warehouses, Stock stock, JdbcClient jdbc,
                  TransactionTemplate transaction) {
        this.grid = grid;
        this.teams = teams;
        this.shelters = shelters;
        this.warehouses = warehouses;
        this.stock = stock;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean loaded = jdbc.sql("SELECT EXISTS (SELECT 1 FROM resource_shelter)").query(Boolean.class).single();
        List<RegionNode> towns = grid.children(null);
        if (loaded || towns.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> new Loader(towns.get(0)).load());
    }

    /** One load of the demo resources, drawing everything from one seeded random source. */
    private final class Loader {

        private final Random rnd = new Random(SEED);
        private final RegionNode town;
        /** random points inside the town, by the village holding them, in village code order */
        private final Map<String, List<double[]>> pointsByVillage = new LinkedHashMap<>();
        private final Map<String, String> villageNames = new LinkedHashMap<>();
        private int shelterCount;
        private int teamCount;
        private int warehouseCount;

        Loader(RegionNode town) {
            this.town = town;
        }

        void load() {
            samplePoints();
            if (pointsByVillage.isEmpty()) {
                return;
            }
            shelters();
            teams();
            warehouses();
            log.info("Demo resources loaded: {} rescue teams, {} shelters, {} warehouses", teamCount, shelterCount,
                    warehouseCount);
        }

        /** Points where the grid finds a micro-grid, so that every resource lands inside the town. */
        private void samplePoints() {
            for (RegionNode village : grid.descendants(town.code(), RegionLevel.VILLAGE)) {
                pointsByVillage.put(village.code(), new ArrayList<>());
                villageNames.put(village.code(), village.name());
            }
            for (int tries = 0; tries < 6000; tries++) {
                double lon = 120.25 + (rnd.nextDouble() - 0.5) * 0.16;
                double lat = 30.05 + (rnd.nextDouble() - 0.5) * 0.14;
                Location at = grid.placeOf(lon, lat);
                if (at.found() && at.village() != null && pointsByVillage.containsKey(at.village().code())) {
                    pointsByVillage.get(at.village().code()).add(new double[] {lon, lat});
                }
            }
            pointsByVillage.values().removeIf(List::isEmpty);
        }

        private double[] pointIn(String villageCode) {
            List<double[]> points = pointsByVillage.get(villageCode);
            return points.get(rnd.nextInt(points.size()));
        }

        /** A point of the first village in code order, where the demo puts the town's own buildings. */
        private double[] townSeat() {
            return pointIn(pointsByVillage.keySet().iterator().next());
        }

        private double[] anywhere() {
            List<String> villages = new ArrayList<>(pointsByVillage.keySet());
            return pointIn(villages.get(rnd.nextInt(villages.size())));
        }

        private void shelters() {
            String townName = town.name();
            shelter(townName + "全民健身中心体育馆", ShelterLevel.TOWN, 1500, 900, townName + "文体路8号", townSeat());
            shelter(townName + "镇中心小学", ShelterLevel.TOWN, 800, 450, townName + "育才路15号", townSeat());
            shelter(townName + "第一初级中学", ShelterLevel.COUNTY, 1000, 600, townName + "学府路2号", anywhere());
            int i = 0;
            for (String village : pointsByVillage.keySet()) {
                String name = villageNames.get(village);
                boolean school = i++ % 5 == 2;
                int day = school ? 300 + rnd.nextInt(5) * 50 : 80 + rnd.nextInt(9) * 15;
                int night = day * (55 + rnd.nextInt(20)) / 100;
                shelter(name + (school ? "小学避灾安置点" : "村民委员会避灾安置点"), ShelterLevel.VILLAGE, day, night,
                        name + (school ? "学校路" : "村委会") + (1 + rnd.nextInt(60)) + "号", pointIn(village));
            }
        }

        private void shelter(String name, ShelterLevel level, int day, int night, String address, double[] at) {
            UUID id = shelters.create(new Shelters.NewShelter(name, level.name(), day, night, address, at[0], at[1]),
                    DataScope.all());
            // the typhoon season's last evacuation left a few halls open with people in them
            if (rnd.nextInt(8) == 0) {
                shelters.update(id, true, rnd.nextInt(Math.max(1, night / 3)), null, DataScope.all());
            }
            shelterCount++;
        }

        private void teams() {
            String t = town.name();
            team(t + "综合应急救援队", TeamType.COMPREHENSIVE, TeamStatus.ON_DUTY, 24, townSeat(),
                    List.of(equip("冲锋舟", "艘", 2), equip("橡皮艇", "艘", 2), equip("救生衣", "件", 60),
                            equip("便携式发电机", "台", 3), equip("破拆工具组", "套", 2), equip("应急照明灯", "台", 10)));
            team(t + "民兵应急分队", TeamType.COMPREHENSIVE, TeamStatus.STANDBY, 30, anywhere(),
                    List.of(equip("救生衣", "件", 40), equip("铁锹", "把", 50), equip("编织袋", "只", 2000)));
            String[] floodAreas = {"浦阳江沿线", "东片", "西片"};
            for (String area : floodAreas) {
                team(t + area + "防汛抢险队", TeamType.FLOOD, area.equals("浦阳江沿线") ? TeamStatus.ON_DUTY : TeamStatus.STANDBY,
                        12 + rnd.nextInt(10), anywhere(),
                        List.of(equip("冲锋舟", "艘", 1 + rnd.nextInt(2)), equip("排涝泵", "台", 2 + rnd.nextInt(3)),
                                equip("救生衣", "件", 30 + rnd.nextInt(20)), equip("沙袋", "只", 500 + rnd.nextInt(5) * 100),
                                equip("抛投器", "台", 1)));
            }
            for (int i = 1; i <= 3; i++) {
                team(t + "第" + "一二三".charAt(i - 1) + "消防志愿队", TeamType.FIRE,
                        i == 3 ? TeamStatus.OFF : TeamStatus.STANDBY, 8 + rnd.nextInt(8), anywhere(),
                        List.of(equip("手抬机动消防泵", "台", 1), equip("灭火器", "具", 20 + rnd.nextInt(20)),
                                equip("消防水带", "盘", 10 + rnd.nextInt(6)), equip("空气呼吸器", "具", 2 + rnd.nextInt(3))));
            }
            team(t + "卫生院医疗救护队", TeamType.MEDICAL, TeamStatus.ON_DUTY, 10, townSeat(),
                    List.of(equip("救护车", "辆", 2), equip("急救箱", "个", 12), equip("担架", "副", 8),
                            equip("自动体外除颤器", "台", 2)));
            team(t + "红十字救护志愿队", TeamType.MEDICAL, TeamStatus.STANDBY, 14, anywhere(),
                    List.of(equip("急救箱", "个", 10), equip("担架", "副", 4)));
            team("国网" + t + "供电所电力抢修队", TeamType.POWER, TeamStatus.ON_DUTY, 12, townSeat(),
                    List.of(equip("抢修车", "辆", 3), equip("应急发电车", "辆", 1), equip("绝缘工具组", "套", 6)));
            team(t + "农电应急抢修队", TeamType.POWER, TeamStatus.STANDBY, 8, anywhere(),
                    List.of(equip("抢修车", "辆", 1), equip("便携式发电机", "台", 4), equip("登杆工具", "套", 4)));
        }

        private Teams.Equipment equip(String item, String unit, int quantity) {
            return new Teams.Equipment(item, unit, quantity);
        }

        private void team(String name, TeamType type, TeamStatus status, int size, double[] at,
                          List<Teams.Equipment> equipment) {
            List<Teams.Member> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                MemberRole role = i == 0 ? MemberRole.LEADER : i == 1 ? MemberRole.DEPUTY : MemberRole.MEMBER;
                members.add(new Teams.Member(DemoPeople.name(rnd), DemoPeople.phone(rnd), role));
            }
            teams.create(new Teams.NewTeam(name, type.name(), status.name(), town.name() + "应急路" + (1 + rnd.nextInt(99)) + "号",
                    at[0], at[1], members, equipment), DataScope.all());
            teamCount++;
        }

        private void warehouses() {
            String t = town.name();
            warehouse(t + "应急物资储备库", "沈国强", townSeat(), List.of(
                    item("冲锋舟", "艘", 4, 3, 0), item("救生衣", "件", 400, 300, 120), item("沙袋", "只", 8000, 5000, 1500),
                    item("发电机", "台", 8, 6, 0), item("帐篷", "顶", 120, 100, 30), item("折叠床", "张", 300, 200, 0),
                    item("方便食品", "箱", 500, 300, 260), item("饮用水", "箱", 800, 500, 0), item("棉被", "床", 400, 300, 0)));
            warehouse("浦阳江防汛物资仓库", "王建军", anywhere(), List.of(
                    item("沙袋", "只", 20000, 15000, 7000), item("编织袋", "只", 10000, 8000, 0), item("土工布", "平方米", 3000, 2000, 0),
                    item("木桩", "根", 1500, 1000, 200), item("排涝泵", "台", 10, 8, 4), item("救生圈", "个", 100, 80, 0)));
            warehouse(t + "东片防汛物资点", "李伟", anywhere(), List.of(
                    item("沙袋", "只", 3000, 2000, 0), item("救生衣", "件", 100, 80, 30), item("铁锹", "把", 150, 100, 0),
                    item("应急照明灯", "台", 40, 30, 0)));
            warehouse(t + "西片防汛物资点", "陈晓东", anywhere(), List.of(
                    item("沙袋", "只", 3000, 2000, 0), item("救生衣", "件", 100, 80, 0), item("铁锹", "把", 150, 100, 0),
                    item("雨衣", "套", 200, 150, 90)));
            warehouse(t + "救灾生活物资仓库", "孙丽萍", anywhere(), List.of(
                    item("帐篷", "顶", 80, 60, 0), item("折叠床", "张", 200, 150, 60), item("棉被", "床", 300, 200, 0),
                    item("方便食品", "箱", 400, 300, 0), item("饮用水", "箱", 600, 400, 250), item("手电筒", "只", 300, 200, 0)));
            warehouse(t + "卫生院医疗物资库", "周敏", townSeat(), List.of(
                    item("医用口罩", "盒", 200, 100, 0), item("消毒液", "桶", 60, 40, 25), item("急救包", "个", 100, 60, 0),
                    item("担架", "副", 20, 10, 0)));
        }

        /** An item with the stock it was given, its minimum and how much has gone out since. */
        private record Seed(String item, String unit, int received, int minimum, int issued) {
        }

        private Seed item(String item, String unit, int received, int minimum, int issued) {
            return new Seed(item, unit, received, minimum, issued);
        }

        private void warehouse(String name, String keeper, double[] at, List<Seed> items) {
            UUID id = warehouses.create(new Warehouses.NewWarehouse(name, keeper,
                    town.name() + "仓储路" + (1 + rnd.nextInt(40)) + "号", at[0], at[1]), DataScope.all());
            for (Seed s : items) {
                UUID stockId = stock.addItem(id, s.item(), s.unit(), s.minimum(), DataScope.all());
                stock.move(stockId, "IN", s.received(), "年度储备采购入库", null, keeper, DataScope.all());
                if (s.issued() > 0) {
                    stock.move(stockId, "OUT", s.issued(), "台风“烟花”防御调拨出库", null, keeper, DataScope.all());
                }
            }
            warehouseCount++;
        }
    }
}
