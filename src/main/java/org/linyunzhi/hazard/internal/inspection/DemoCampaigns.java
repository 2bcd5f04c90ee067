package org.linyunzhi.hazard.internal.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The town's 28 inspection campaigns of 2026 (the seed's figure), as its departments would name
 * them, with their checklists. They are data, like the names of the demo town's people.
 */
final class DemoCampaigns {

    /** Who the places are: houses, organisations of some types, or houses near water. */
    enum Targets { HOUSES, RENTED_HOUSES, ORGANISATIONS, NEAR_WATER }

    /**
     * @param keywords words of the hazard catalogue's category names a failure here is filed under
     * @param weight   how many points the campaign visits, relative to the others
     * @param hazardRate how often a visited point yields a hazard, relative to the others
     */
    record Definition(String name, String type, String department, LocalDate startsOn, LocalDate endsOn,
                      Targets targets, Set<String> orgTypes, List<String> items, List<String> keywords, int weight,
                      double hazardRate) {
    }

    static final String EMERGENCY = "应急管理办";
    static final String POLICE = "派出所";
    static final String MARKET = "市场监管所";
    static final String CONSTRUCTION = "建设管理办";
    static final String GOVERNANCE = "综治办";
    static final String URBAN = "城管执法中队";

    private static final List<String> FIRE_ITEMS = List.of("消防通道、安全出口畅通，无堵塞锁闭",
            "灭火器配置数量足够且在有效期内", "电气线路无私拉乱接、无老化破损", "未在室内或楼道为电动自行车充电");
    private static final List<String> GAS_ITEMS = List.of("燃气管道、软管无老化、无私接改装",
            "按规定安装燃气泄漏报警和切断装置", "液化气钢瓶有检验标识，未超期使用", "用气场所通风良好，无违规存放瓶装气");
    private static final List<String> FLOOD_ITEMS = List.of("房屋墙体、屋顶无开裂渗漏，无倒塌风险",
            "周边排水沟渠畅通，无淤堵", "低洼处备有挡水板、沙袋等防汛物资", "人员转移路线和联系人已明确");
    private static final List<String> ACCOMMODATION_ITEMS = List.of("旅客住宿实名登记，信息按时上传",
            "每层配置灭火器和应急照明、疏散指示", "客房无违规使用大功率电器", "消防安全责任人和值班制度落实");
    private static final List<String> HOUSE_ITEMS = List.of("房屋无擅自加层、改变承重结构",
            "经营性自建房取得安全鉴定", "外墙、阳台、女儿墙无脱落风险", "人员密集用途已落实消防措施");
    private static final List<String> SITE_ITEMS = List.of("围挡、临边洞口防护到位",
            "特种作业人员持证上岗", "塔吊、脚手架经验收合格", "施工现场临时用电规范");
    private static final List<String> HAZMAT_ITEMS = List.of("危化品按规定分类专库存放",
            "出入库台账完整，账物相符", "作业人员经安全培训，持证上岗", "应急预案和应急器材齐全");
    private static final List<String> CONFINED_ITEMS = List.of("有限空间已辨识并设置警示标识",
            "作业审批和先通风、再检测、后作业落实", "配备气体检测仪和防护救援装备");
    private static final List<String> FOOD_ITEMS = List.of("持有效食品经营许可证，从业人员持健康证",
            "原料进货查验记录齐全", "后厨防蝇防鼠设施完好，生熟分开", "燃气使用场所安装报警装置");
    private static final List<String> SCHOOL_ITEMS = List.of("校园周边 200 米内无网吧、娱乐场所",
            "周边商户无售卖三无食品、管制刀具", "上下学时段交通秩序良好，护学岗到位");
    private static final List<String> EBIKE_ITEMS = List.of("电动自行车未进楼入户、未在楼道停放",
            "集中充电场所具备定时断电、消防设施", "未使用改装电池或私拉电线充电");
    private static final List<String> MARKET_ITEMS = List.of("市场消防设施完好，通道畅通",
            "摊位电线规范敷设，无私拉乱接", "食品摊位索证索票齐全", "燃气使用摊位安装报警装置");

    private static final List<String> FIRE_WORDS = List.of("消防", "火", "电气", "疏散");
    private static final List<String> GAS_WORDS = List.of("燃气", "液化", "气瓶");
    private static final List<String> FLOOD_WORDS = List.of("汛", "洪", "排水", "内涝", "水");
    private static final List<String> HOUSE_WORDS = List.of("房屋", "自建房", "建筑", "危房");
    private static final List<String> SITE_WORDS = List.of("施工", "工地", "脚手架", "起重", "建筑");
    private static final List<String> HAZMAT_WORDS = List.of("危险化学品", "危化", "化学品");
    private static final List<String> CONFINED_WORDS = List.of("有限空间", "中毒", "窒息");
    private static final List<String> FOOD_WORDS = List.of("食品", "餐饮");
    private static final List<String> SCHOOL_WORDS = List.of("校园", "学校", "未成年");
    private static final List<String> ACCOMMODATION_WORDS = List.of("住宿", "旅馆", "民宿", "消防");
    private static final List<String> EBIKE_WORDS = List.of("电动自行车", "电动车", "充电");
    private static final List<String> MARKET_WORDS = List.of("市场", "食品", "消防");

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private static Definition c(String name, String type, String department, LocalDate from, LocalDate to,
                                Targets targets, Set<String> orgTypes, List<String> items, List<String> words,
                                int weight, double rate) {
        return new Definition(name, type, department, from, to, targets, orgTypes, items, words, weight, rate);
    }

    static final List<Definition> ALL = List.of(
            c("2026年临浦镇春节前消防安全隐患排查", "FIRE", EMERGENCY, d(1, 5), d(1, 25), Targets.RENTED_HOUSES, null, FIRE_ITEMS, FIRE_WORDS, 130, 1.2),
            c("2026年春节前燃气安全专项排查", "GAS", URBAN, d(1, 8), d(2, 10), Targets.ORGANISATIONS, Set.of("RESTAURANT", "SHOP"), GAS_ITEMS, GAS_WORDS, 90, 1.3),
            c("住宿业消防安全专项排查（一季度）", "ACCOMMODATION", POLICE, d(2, 20), d(3, 31), Targets.ORGANISATIONS, Set.of("ACCOMMODATION"), ACCOMMODATION_ITEMS, ACCOMMODATION_WORDS, 40, 1.4),
            c("农贸市场消防与食品安全排查", "FARMERS_MARKET", MARKET, d(3, 2), d(3, 31), Targets.ORGANISATIONS, Set.of("MARKET"), MARKET_ITEMS, MARKET_WORDS, 20, 1.6),
            c("在建工地安全生产隐患排查", "CONSTRUCTION_SITE", CONSTRUCTION, d(3, 10), d(4, 15), Targets.ORGANISATIONS, Set.of("CONSTRUCTION"), SITE_ITEMS, SITE_WORDS, 25, 1.8),
            c("自建房安全隐患排查（第一轮）", "SELF_BUILT_HOUSE", CONSTRUCTION, d(3, 16), d(5, 15), Targets.HOUSES, null, HOUSE_ITEMS, HOUSE_WORDS, 260, 0.7),
            c("2026年临浦镇汛前防汛隐患排查", "FLOOD", EMERGENCY, d(4, 1), d(4, 30), Targets.NEAR_WATER, null, FLOOD_ITEMS, FLOOD_WORDS, 150, 1.0),
            c("校园周边安全隐患排查（春季）", "SCHOOL_SURROUNDINGS", GOVERNANCE, d(4, 7), d(4, 30), Targets.ORGANISATIONS, Set.of("SCHOOL", "SHOP"), SCHOOL_ITEMS, SCHOOL_WORDS, 45, 0.8),
            c("电动自行车停放充电隐患排查", "E_BIKE", EMERGENCY, d(4, 15), d(5, 31), Targets.RENTED_HOUSES, null, EBIKE_ITEMS, EBIKE_WORDS, 140, 1.1),
            c("危险化学品使用单位专项排查", "HAZMAT", EMERGENCY, d(5, 6), d(6, 10), Targets.ORGANISATIONS, Set.of("FACTORY"), HAZMAT_ITEMS, HAZMAT_WORDS, 35, 1.9),
            c("有限空间作业安全专项排查", "CONFINED_SPACE", EMERGENCY, d(5, 12), d(6, 12), Targets.ORGANISATIONS, Set.of("FACTORY"), CONFINED_ITEMS, CONFINED_WORDS, 30, 1.5),
            c("餐饮场所燃气安全专项排查", "GAS", MARKET, d(5, 20), d(6, 20), Targets.ORGANISATIONS, Set.of("RESTAURANT"), GAS_ITEMS, GAS_WORDS, 60, 1.5),
            c("2026年主汛期沿河房屋防汛排查", "FLOOD", EMERGENCY, d(6, 1), d(6, 30), Targets.NEAR_WATER, null, FLOOD_ITEMS, FLOOD_WORDS, 170, 0.9),
            c("出租房消防安全隐患排查", "FIRE", POLICE, d(6, 10), d(7, 20), Targets.RENTED_HOUSES, null, FIRE_ITEMS, FIRE_WORDS, 160, 1.1),
            c("住宿业安全隐患专项排查（暑期）", "ACCOMMODATION", POLICE, d(7, 1), d(7, 31), Targets.ORGANISATIONS, Set.of("ACCOMMODATION"), ACCOMMODATION_ITEMS, ACCOMMODATION_WORDS, 40, 1.0),
            c("台风季防汛防台隐患排查", "FLOOD", EMERGENCY, d(7, 20), d(8, 31), Targets.NEAR_WATER, null, FLOOD_ITEMS, FLOOD_WORDS, 150, 0.8),
            c("食品生产经营单位食品安全排查", "FOOD_SAFETY", MARKET, d(8, 3), d(8, 31), Targets.ORGANISATIONS, Set.of("RESTAURANT", "SHOP", "MARKET"), FOOD_ITEMS, FOOD_WORDS, 80, 0.9),
            c("校园周边安全隐患排查（秋季开学）", "SCHOOL_SURROUNDINGS", GOVERNANCE, d(8, 20), d(9, 15), Targets.ORGANISATIONS, Set.of("SCHOOL", "SHOP"), SCHOOL_ITEMS, SCHOOL_WORDS, 45, 0.7),
            c("工业企业消防安全隐患排查", "FIRE", EMERGENCY, d(9, 1), d(9, 30), Targets.ORGANISATIONS, Set.of("FACTORY"), FIRE_ITEMS, FIRE_WORDS, 55, 1.3),
            c("自建房安全隐患排查（第二轮）", "SELF_BUILT_HOUSE", CONSTRUCTION, d(9, 10), d(10, 31), Targets.HOUSES, null, HOUSE_ITEMS, HOUSE_WORDS, 220, 0.6),
            c("国庆前人员密集场所安全排查", "FIRE", GOVERNANCE, d(9, 15), d(9, 30), Targets.ORGANISATIONS, Set.of("MARKET", "SHOP", "HOSPITAL", "ACCOMMODATION"), FIRE_ITEMS, FIRE_WORDS, 60, 1.0),
            c("沿街商铺“三合一”场所消防排查", "FIRE", EMERGENCY, d(10, 8), d(11, 8), Targets.ORGANISATIONS, Set.of("SHOP", "RESTAURANT"), FIRE_ITEMS, FIRE_WORDS, 90, 1.2),
            c("在建工地秋冬季安全生产排查", "CONSTRUCTION_SITE", CONSTRUCTION, d(10, 12), d(11, 12), Targets.ORGANISATIONS, Set.of("CONSTRUCTION"), SITE_ITEMS, SITE_WORDS, 25, 1.4),
            c("有限空间与涉氨企业专项复查", "CONFINED_SPACE", EMERGENCY, d(10, 20), d(11, 20), Targets.ORGANISATIONS, Set.of("FACTORY"), CONFINED_ITEMS, CONFINED_WORDS, 25, 1.0),
            c("冬季燃气安全隐患排查", "GAS", URBAN, d(11, 2), d(11, 30), Targets.ORGANISATIONS, Set.of("RESTAURANT", "SHOP", "ACCOMMODATION"), GAS_ITEMS, GAS_WORDS, 85, 1.1),
            c("电动自行车“进楼入户”专项整治排查", "E_BIKE", EMERGENCY, d(11, 5), d(11, 30), Targets.RENTED_HOUSES, null, EBIKE_ITEMS, EBIKE_WORDS, 120, 1.0),
            c("住宿业消防安全专项排查（冬季）", "ACCOMMODATION", POLICE, d(11, 16), d(12, 20), Targets.ORGANISATIONS, Set.of("ACCOMMODATION"), ACCOMMODATION_ITEMS, ACCOMMODATION_WORDS, 35, 0.9),
            c("2026年冬季消防安全隐患大排查", "FIRE", EMERGENCY, d(11, 20), d(12, 31), Targets.RENTED_HOUSES, null, FIRE_ITEMS, FIRE_WORDS, 130, 0.8));

    private DemoCampaigns() {
    }
}
