package org.linyunzhi.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The link between two rows: SHA-256 over the previous row's hash and this row's canonical content. */
final class ChainHash {

    /** What the first row of a chain points back to. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String next(String previousHash, String canonicalContent) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.UTF_8));
            sha.update(canonicalContent.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
