package org.linyunzhi.registry.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param piiKey        base64 of a 256-bit key that encrypts and keys the hashes of ID-card and phone
 *                      numbers; required (only the demo and test profiles ship one)
 * @param maxImportRows rows above which an import file is refused (413)
 */
@ConfigurationProperties("linyunzhi.registry")
record RegistryProperties(String piiKey, Integer maxImportRows) {

    RegistryProperties {
        maxImportRows = maxImportRows == null ? 50_000 : maxImportRows;
    }
}
