package org.linyunzhi.grid.internal.map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the grid map finds its background ({@code linyunzhi.map.*}). With no tile URL the map draws
 * only the offline base layers, so it works without internet; with one (Tianditu's WMTS, any XYZ
 * {@code {z}/{x}/{y}} source) the tiles become the default background. Until the system-parameter
 * pages exist these come from configuration only.
 *
 * @param tileUrl         Leaflet tile URL template, e.g. with {s}, {z}, {x}, {y}; blank for none
 * @param tileSubdomains  the letters or digits {s} stands for, e.g. "01234567" for Tianditu
 * @param tileAttribution the credit the tile provider asks for
 * @param tileMaxZoom     the deepest zoom the tile service has
 * @param centerLon       where the map opens when no town is loaded yet
 * @param centerLat       where the map opens when no town is loaded yet
 */
@ConfigurationProperties("linyunzhi.map")
record MapProperties(@DefaultValue("") String tileUrl,
                     @DefaultValue("abc") String tileSubdomains,
                     @DefaultValue("") String tileAttribution,
                     @DefaultValue("18") int tileMaxZoom,
                     @DefaultValue("120.25") double centerLon,
                     @DefaultValue("30.05") double centerLat) {
}
