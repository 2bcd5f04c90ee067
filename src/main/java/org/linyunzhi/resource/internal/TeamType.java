package org.linyunzhi.resource.internal;

/** What a rescue team is for: 综合应急, 防汛抢险, 消防志愿, 医疗救护, 电力抢修. */
enum TeamType {
    COMPREHENSIVE, FLOOD, FIRE, MEDICAL, POWER
}
