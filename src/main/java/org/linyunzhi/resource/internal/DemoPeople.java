package org.linyunzhi.resource.internal;

import java.util.List;
import java.util.Random;

/** Names and work phones for the demo teams' members: common Xiaoshan surnames, ordinary given names. */
final class DemoPeople {

    private static final List<String> SURNAMES = List.of("王", "陈", "沈", "孙", "李", "张", "周", "俞", "韩", "楼",
            "汪", "徐", "何", "钱", "金", "傅", "蔡", "任", "施", "陆");
    private static final String GIVEN = "建国伟军强明华平杰斌俊涛磊超勇刚丽芳敏静燕红霞婷萍娟英";

    private DemoPeople() {
    }

    static String name(Random rnd) {
        String surname = SURNAMES.get(rnd.nextInt(SURNAMES.size()));
        String first = String.valueOf(GIVEN.charAt(rnd.nextInt(GIVEN.length())));
        return rnd.nextBoolean() ? surname + first : surname + first + GIVEN.charAt(rnd.nextInt(GIVEN.length()));
    }

    /** A mobile number of a Hangzhou operator prefix; made up, never a real subscriber's on purpose. */
    static String phone(Random rnd) {
        String[] prefixes = {"138", "139", "135", "136", "158", "159", "187", "188"};
        return prefixes[rnd.nextInt(prefixes.length)] + String.format("%08d", rnd.nextInt(100_000_000));
    }
}
