package org.linyunzhi.registry.internal;

import java.util.List;
import java.util.UUID;

/** An organisation as stored. */
record Organisation(UUID id, String name, String creditCode, OrgType type, String address, double lon, double lat,
                    String regionCode, String dedicatedRegionCode, List<String> sources, int version) {
}
