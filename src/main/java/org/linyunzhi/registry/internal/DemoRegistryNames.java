package org.linyunzhi.registry.internal;

import java.util.List;
import java.util.Random;

/**
 * Names and numbers for the demo registry: common Xiaoshan surnames with ordinary given names, and
 * business names of the kind found in a Zhejiang market town. None describes a real person or firm.
 */
final class DemoRegistryNames {

    private static final String SURNAMES = "王陈李张沈俞孔周朱徐钱来汪楼韩施傅娄许黄杨吴金蔡何赵丁孙高项莫葛郑";
    private static final String MALE = "伟强军华建国明杰涛斌海峰刚勇鹏飞林荣春生永庆志浩宇晨";
    private static final String FEMALE = "芳娟敏静丽艳霞燕玲红英萍琴秀兰梅雪婷佳慧月琳洁颖";
    private static final String SHOP_WORDS = "兴旺鑫隆顺发福盛和祥瑞丰泰源佳美";
    private static final List<String> PHONE_PREFIXES = List.of("130", "133", "135", "136", "137", "138", "139", "150",
            "151", "152", "157", "158", "159", "177", "180", "186", "187", "188", "189", "199");
    private static final List<String> GUESTHOUSE = List.of("民宿", "客栈", "旅馆", "宾馆", "酒店");
    private static final List<String> RESTAURANT = List.of("饭店", "小吃店", "面馆", "农家乐", "快餐店", "酒家");
    private static final List<String> SHOP = List.of("便利店", "超市", "五金店", "烟酒店", "水果店", "服装店", "电动车行");
    private static final List<String> FACTORY = List.of("纺织有限公司", "五金制品厂", "机械有限公司", "包装材料有限公司",
            "电器配件厂", "塑料制品有限公司", "印染有限公司");
    private static final List<String> OTHER = List.of("物流有限公司", "驾驶员培训学校", "养老服务中心", "文化礼堂", "加油站");

    private DemoRegistryNames() {
    }

    static String surname(Random random) {
        return pick(SURNAMES, random);
    }

    static String given(Random random, boolean male) {
        String chars = male ? MALE : FEMALE;
        return random.nextBoolean() ? pick(chars, random) : pick(chars, random) + pick(chars, random);
    }

    static PhoneNumber phone(Random random) {
        return new PhoneNumber(PHONE_PREFIXES.get(random.nextInt(PHONE_PREFIXES.size()))
                + String.format("%08d", random.nextInt(100_000_000)));
    }

    /** 临浦兴旺民宿, 浦阳小吃店, 临浦鑫隆五金制品厂 … */
    static String business(OrgType type, Random random) {
        String place = random.nextBoolean() ? "临浦" : random.nextBoolean() ? "浦阳" : "峙山";
        String word = pick(SHOP_WORDS, random) + pick(SHOP_WORDS, random);
        List<String> kinds = switch (type) {
            case ACCOMMODATION -> GUESTHOUSE;
            case RESTAURANT -> RESTAURANT;
            case SHOP -> SHOP;
            case FACTORY -> FACTORY;
            default -> OTHER;
        };
        return place + word + kinds.get(random.nextInt(kinds.size()));
    }

    private static String pick(String chars, Random random) {
        return String.valueOf(chars.charAt(random.nextInt(chars.length())));
    }
}
