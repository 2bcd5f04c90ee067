package org.linyunzhi.registry;

import java.util.UUID;

/**
 * A house or an organisation as other modules see it: where it is and who looks after it. No PII.
 *
 * @param orgType             dictionary code for organisations (ACCOMMODATION, RESTAURANT, FACTORY, SCHOOL,
 *                            MARKET, SHOP, HOSPITAL, CONSTRUCTION, OTHER); null for houses
 * @param houseUse            RESIDENTIAL, SHOP, WAREHOUSE, WORKSHOP, MIXED; null for organisations
 * @param regionCode          the (ordinary) micro-grid code holding it
 * @param dedicatedRegionCode the dedicated micro-grid code, or null
 */
public record RegistryPlace(UUID id, PlaceKind kind, String name, String address, String orgType, String houseUse,
                            boolean rented, double lon, double lat, String regionCode, String dedicatedRegionCode) {
}
