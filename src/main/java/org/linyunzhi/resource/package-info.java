/**
 * Emergency resources (应急资源): rescue teams, shelters, warehouses with stock and its movements,
 * low-stock alerts, the nearest resources of each kind to a point, and dispatch records from a
 * resource to a hazard or an event. Other modules use {@link org.linyunzhi.resource.ResourceApi}
 * and may listen to {@link org.linyunzhi.resource.LowStockDetected}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency resources")
package org.linyunzhi.resource;
