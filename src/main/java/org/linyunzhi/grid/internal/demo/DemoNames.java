package org.linyunzhi.grid.internal.demo;

import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Place and people names for the demo town. The villages and communities carry names of the kind
 * found around Linpu; the people get common surnames of Xiaoshan with ordinary given names. None
 * of them describes a real person.
 */
final class DemoNames {

    static final String TOWN = "临浦镇";
    static final String TOWN_SHORT = "临浦";

    /** The first one is the community at the town centre. */
    static final List<String> COMMUNITIES = List.of(
            "临浦社区", "峙山社区", "浦南社区", "东藩社区", "临江社区", "苎萝社区", "浦阳社区", "新街社区");

    static final List<String> VILLAGES = List.of(
            "通一村", "通二村", "横一村", "横二村", "大庄村", "新江岸村", "戚家池村", "山阴村", "浦东村", "苏山村",
            "下邵村", "亭山村", "群益村", "杜家村", "新华村", "安山村", "茅潭村", "里河村", "前庄村", "塘里村");

    static final List<String> SCHOOLS = List.of(
            "临浦第一小学", "临浦第二小学", "临浦镇中学", "临浦第一幼儿园", "峙山小学", "通二小学", "浦南小学",
            "临浦第二幼儿园", "临浦实验小学", "临浦第三小学", "峙山幼儿园", "临浦高级中学", "苎萝小学", "东藩小学",
            "临浦职业学校", "通济幼儿园", "横一幼儿园", "浦南幼儿园", "临江小学", "新街幼儿园");

    static final List<String> MARKETS = List.of(
            "临浦农贸市场", "峙山农贸市场", "浦南农贸市场", "临浦建材市场", "临浦小商品市场", "通二农贸市场",
            "东藩菜市场", "临浦水产市场", "临浦花木市场", "临浦二手车市场", "横一农贸市场", "临江农贸市场");

    static final List<String> HOSPITALS = List.of(
            "临浦镇中心卫生院", "临浦中医院", "峙山社区卫生服务站", "临浦口腔医院", "浦南社区卫生服务站",
            "临浦妇幼保健站", "东藩社区卫生服务站", "临江社区卫生服务站");

    static final List<String> SCENIC_AREAS = List.of(
            "峙山公园", "临浦老街", "浦阳江湿地公园", "苎萝山景区", "东藩古村落", "通济桥文化园", "横港田园综合体");

    static final List<String> CONSTRUCTION_PROJECTS = List.of(
            "安置房项目", "标准厂房项目", "道路拓宽工程", "污水管网工程", "农贸市场改造项目", "学校扩建工程",
            "小区改造工程", "综合体项目", "排涝泵站工程", "河道整治工程");

    private static final List<String> BRANDS = List.of(
            "恒达", "鑫源", "华宇", "东方", "永兴", "金利", "天成", "宏泰", "瑞丰", "宝盛", "万通", "新亚", "正大",
            "联合", "信诚", "汇丰", "荣昌", "德胜", "凯达", "华峰", "远大", "中天", "盛达", "明辉", "浙星", "利民",
            "顺发", "宇航", "富春", "江南");

    private static final List<String> INDUSTRIES = List.of(
            "机械", "五金", "纺织", "化纤", "印染", "建材", "电器", "塑业", "汽配", "家具", "食品", "包装", "钢构",
            "服饰", "电子", "轴承", "管业", "新材料");

    /** Surnames common in Xiaoshan, the most frequent listed more than once so they come up more. */
    private static final List<String> SURNAMES = List.of(
            "陈", "陈", "陈", "王", "王", "李", "李", "张", "张", "沈", "沈", "俞", "俞", "来", "来", "楼", "楼",
            "孔", "戴", "施", "汪", "徐", "吴", "周", "朱", "胡", "金", "黄", "赵", "杨", "刘", "钱", "孙", "蒋",
            "方", "葛", "韩", "许", "何", "高", "郑", "顾", "毛", "丁", "傅", "邵", "倪", "董", "谢", "韦", "姚",
            "潘", "余", "叶", "夏", "袁", "洪", "曹", "屠", "华", "范", "裘", "莫", "卢", "蔡", "田", "盛", "瞿");

    private static final String MALE_CHARS = "建国伟强军杰明华平刚勇涛斌鹏辉磊峰超浩宇海东林波荣祥卫兴永龙志忠国庆";
    private static final String FEMALE_CHARS = "芳红燕丽娟敏静霞秀英玲萍梅洁琴雪慧婷佳琳月兰凤艳丹晶颖秋菊";
    private static final String SHARED_CHARS = "文小春晓学金玉立云欣宏新成德";

    private DemoNames() {
    }

    /** A person's full name: surname plus one or two given-name characters fitting the gender. */
    static String person(Random rnd, boolean male) {
        String pool = male ? MALE_CHARS : FEMALE_CHARS;
        String surname = SURNAMES.get(rnd.nextInt(SURNAMES.size()));
        if (rnd.nextDouble() < 0.3) {
            return surname + pool.charAt(rnd.nextInt(pool.length()));
        }
        String first = rnd.nextDouble() < 0.35
                ? String.valueOf(SHARED_CHARS.charAt(rnd.nextInt(SHARED_CHARS.length())))
                : String.valueOf(pool.charAt(rnd.nextInt(pool.length())));
        return surname + first + pool.charAt(rnd.nextInt(pool.length()));
    }

    /** A company name no other enterprise in the town has yet. */
    static String enterprise(Random rnd, boolean inIndustrialPark, Set<String> taken) {
        String prefix = inIndustrialPark ? "浦南工业园" : "杭州萧山";
        while (true) {
            String name = prefix + BRANDS.get(rnd.nextInt(BRANDS.size()))
                    + INDUSTRIES.get(rnd.nextInt(INDUSTRIES.size())) + "有限公司";
            if (taken.add(name)) {
                return name;
            }
        }
    }

    /** The first name of the list that is not taken yet. */
    static String nextOf(List<String> names, Set<String> taken) {
        for (String n : names) {
            if (taken.add(n)) {
                return n;
            }
        }
        throw new IllegalStateException("the demo town has more places than names for them: " + names.get(0));
    }
}
