package org.linyunzhi.hazard.internal.inspection;

/**
 * What a campaign looks for. A fixed list rather than a dictionary: the demo history, the default
 * checklists and the suggested hazard categories hang on these codes. Labels: {@code inspection.type.<CODE>}.
 */
enum CampaignType {
    FLOOD,              // 防汛
    FIRE,               // 消防
    ACCOMMODATION,      // 住宿业安全
    GAS,                // 燃气
    HAZMAT,             // 危化品
    SELF_BUILT_HOUSE,   // 自建房
    E_BIKE,             // 电动自行车
    SCHOOL_SURROUNDINGS,// 校园周边
    FARMERS_MARKET,     // 农贸市场
    CONSTRUCTION_SITE,  // 在建工地
    CONFINED_SPACE,     // 有限空间
    FOOD_SAFETY,        // 食品安全
    OTHER
}
