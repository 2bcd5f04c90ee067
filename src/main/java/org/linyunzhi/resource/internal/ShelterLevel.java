package org.linyunzhi.resource.internal;

/** Which government runs a shelter (GB/T 44013-2024 levels that reach a town): 县级, 乡镇级, 村级. */
enum ShelterLevel {
    COUNTY, TOWN, VILLAGE
}
