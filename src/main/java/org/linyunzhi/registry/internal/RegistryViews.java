package org.linyunzhi.registry.internal;

import java.util.List;
import java.util.UUID;

/**
 * What pages, the API and the export show of registry records. A resident's numbers appear only
 * masked; the clear number is reached through {@link PiiReveal} alone, and no view carries a ciphertext.
 */
final class RegistryViews {

    private RegistryViews() {
    }

    record HouseView(UUID id, String address, String use, boolean rented, double lon, double lat, String regionCode,
                     String dedicatedRegionCode, List<String> sources, int residents, int version) {
        static HouseView of(House h, int residents) {
            return new HouseView(h.id(), h.address(), h.use().name(), h.rented(), h.lon(), h.lat(), h.regionCode(),
                    h.dedicatedRegionCode(), h.sources(), residents, h.version());
        }
    }

    record OrganisationView(UUID id, String name, String creditCode, String type, String address, double lon,
                            double lat, String regionCode, String dedicatedRegionCode, List<String> sources) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.name(), o.creditCode(), o.type().name(), o.address(), o.lon(), o.lat(),
                    o.regionCode(), o.dedicatedRegionCode(), o.sources());
        }
    }

    record ResidentView(UUID id, String name, String idNumber, String phone, String gender, UUID houseId,
                        String address, String household, List<String> tags, String regionCode, List<String> sources) {
        /** The numbers masked, always: this is the only way a resident leaves the module for display. */
        static ResidentView of(Resident r, String address) {
            return new ResidentView(r.id(), r.name(), r.idMasked(), r.phoneMasked(), r.gender(), r.houseId(), address,
                    r.household(), r.tags(), r.regionCode(), r.sources());
        }
    }

    /** One page of a list: rows, the 0-based page, its size and the total. */
    record Page<T>(List<T> rows, int page, int size, int total) {
        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }
    }
}
