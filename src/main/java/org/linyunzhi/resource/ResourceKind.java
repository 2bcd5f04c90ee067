package org.linyunzhi.resource;

/** The kinds of emergency resource, each kept in its own table with its own spatial index. */
public enum ResourceKind {
    RESCUE_TEAM, SHELTER, WAREHOUSE
}
