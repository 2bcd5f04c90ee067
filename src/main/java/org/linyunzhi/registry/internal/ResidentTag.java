package org.linyunzhi.registry.internal;

/** What grid staff need to know about a resident when they visit or when a disaster comes. */
enum ResidentTag {
    ELDERLY_ALONE, DISABLED, VETERAN, LOW_INCOME, LEFT_BEHIND_CHILD, SERIOUS_ILLNESS, FLOATING_POPULATION
}
