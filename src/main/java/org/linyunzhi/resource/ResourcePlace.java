package org.linyunzhi.resource;

import java.util.UUID;

/**
 * A resource as a map or another module sees it.
 *
 * @param status  the kind's own status: a team's ON_DUTY, STANDBY, DEPLOYED or OFF; a shelter's
 *                OPEN or CLOSED; a warehouse's READY or DISPATCHED
 * @param summary short human text for a popup, in the language of the current request's locale
 *                (Chinese by default), e.g. "12 人 · 冲锋舟 2" or "容量 300/200 · 在避 0 · 开放"
 */
public record ResourcePlace(UUID id, ResourceKind kind, String name, String status, double lon, double lat,
                            String summary) {
}
