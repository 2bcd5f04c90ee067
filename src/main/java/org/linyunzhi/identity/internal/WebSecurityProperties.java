package org.linyunzhi.identity.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser-facing security settings ({@code linyunzhi.security.*}).
 *
 * @param extraImgSrc hosts pages may load images from besides this server, e.g. the map tile server
 *                    ({@code https://tiles.example.org}); added to the CSP {@code img-src}
 */
@ConfigurationProperties("linyunzhi.security")
record WebSecurityProperties(@DefaultValue List<String> extraImgSrc) {
}
