package org.linyunzhi.registry;

/** The two kinds of registry record that have a place on the map; residents are reached through their house. */
public enum PlaceKind {
    HOUSE,
    ORGANISATION
}
