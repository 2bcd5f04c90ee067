package org.linyunzhi.registry.internal;

import java.util.List;
import java.util.UUID;

/** A house as stored. */
record House(UUID id, String address, String addressKey, HouseUse use, boolean rented, double lon, double lat,
             String regionCode, String dedicatedRegionCode, List<String> sources, int version) {
}
