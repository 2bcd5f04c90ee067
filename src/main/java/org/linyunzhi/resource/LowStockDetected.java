package org.linyunzhi.resource;

import java.util.UUID;

/**
 * A stock movement took an item of a warehouse below its minimum stock (published once per
 * crossing, not again while it stays low), so that notifications can tell the keeper later.
 */
public record LowStockDetected(UUID warehouseId, String warehouseName, String regionCode, UUID stockId, String item,
                               String unit, int quantity, int minimum) {
}
