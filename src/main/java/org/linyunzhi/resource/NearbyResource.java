package org.linyunzhi.resource;

/** A resource and its great-circle distance in metres from the point that was asked about. */
public record NearbyResource(ResourcePlace place, double metres) {
}
