package org.linyunzhi.task.internal;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.linyunzhi.task.TaskType;

/**
 * The words of the demo town's tasks: names, results and reasons for returning, as grid workers in
 * a Zhejiang town would write them. They are data, like the names of the demo town's people.
 */
final class DemoTaskTexts {

    /** The seed's campaign, as its task table shows it. */
    static final String SEED_CAMPAIGN = "2022年临浦“五水共治”线索督办专项行动";
    static final String SEED_TASK_NAME = "智慧网格";
    static final String SEED_ISSUER = "戴红芳";
    static final String FIRE_CAMPAIGN = "秋冬季消防安全隐患排查专项行动";
    static final String FLOOD_CAMPAIGN = "汛期防汛防台风险排查专项行动";

    /** People of the town's departments who issued tasks before the platform kept accounts. */
    static final List<String> PAST_ISSUERS = List.of("陈建国", "王丽华", "孙伟", "沈佳怡");

    private static final Map<TaskType, List<String>> NAMES = Map.of(
            TaskType.PATROL, List.of("出租房消防安全巡查", "河道沿线巡查", "消防通道堵塞排查", "沿街店铺安全巡查", "工地围挡巡查"),
            TaskType.VERIFICATION, List.of("流动人口信息核实", "独居老人情况核查", "房屋租住信息核实", "企业员工登记核对"),
            TaskType.PUBLICITY, List.of("反电诈宣传入户", "垃圾分类宣传", "防汛知识宣传", "文明养犬宣传"),
            TaskType.RESIDENT_SERVICE, List.of("高龄老人走访慰问", "代办养老资格认证", "困难家庭帮扶走访", "残疾人证办理协助"),
            TaskType.PARTY_BUILDING, List.of("党员联户走访", "主题党日活动组织", "在职党员进社区报到"),
            TaskType.COORDINATION, List.of("邻里噪音纠纷协调", "小区停车矛盾协调", "楼道堆物协调清理"),
            TaskType.RECTIFICATION, List.of("占道经营整改", "违规堆放清理", "电动车违规充电整改", "河道漂浮物清理"),
            TaskType.INCIDENT_HANDLING, List.of("污水管道外溢处置", "道路积水处置", "井盖破损处置", "违规焚烧处置"));

    private static final List<String> RESULTS = List.of("已到现场核实，情况属实，已处理完毕。", "已整改到位，附整改后现场照片。",
            "已入户走访，相关信息已更新。", "已联系当事人，双方达成一致。", "现场未发现问题，已做好登记。",
            "已清理完毕，将持续跟踪。");

    private static final List<String> RETURN_REASONS = List.of("照片不清晰，无法看出整改效果，请补拍。", "整改不到位，请再次到现场核实。",
            "办理情况描述过于简单，请补充具体户数和问题。");

    private DemoTaskTexts() {
    }

    static String name(TaskType type, Random rnd) {
        return pick(NAMES.get(type), rnd);
    }

    static String description(String name, String nodeName) {
        return nodeName + "：请按要求完成“" + name + "”，办结时上传现场照片并说明情况。";
    }

    static String result(Random rnd) {
        return pick(RESULTS, rnd);
    }

    static String returnReason(Random rnd) {
        return pick(RETURN_REASONS, rnd);
    }

    static String campaignDescription(String campaign) {
        return campaign;
    }

    static <T> T pick(List<T> items, Random rnd) {
        return items.get(rnd.nextInt(items.size()));
    }
}
