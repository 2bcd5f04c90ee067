package org.linyunzhi.registry.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts ID-card and phone numbers (AES-256-GCM, a random 96-bit nonce per value, the field's
 * name as associated data so an ID ciphertext cannot be passed off as a phone) and keys the
 * hashes they are searched by (HMAC-SHA256). Both keys are derived from the one configured key,
 * so one secret is managed and a leaked hash key does not decrypt anything.
 */
@Component
class PiiCipher {

    /** What a value is, bound into its ciphertext and its hash. */
    enum Field { ID_NUMBER, PHONE, UPLOAD }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKey encryption;
    private final SecretKey hashing;
    private final SecureRandom random = new SecureRandom();
    // looking a cipher or MAC up per value costs more than using it; each thread keeps its own
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    PiiCipher(RegistryProperties properties) {
        byte[] master = masterKey(properties.piiKey());
        this.encryption = new SecretKeySpec(derive(master, "linyunzhi registry encryption"), "AES");
        this.hashing = new SecretKeySpec(derive(master, "linyunzhi registry search hash"), "HmacSHA256");
    }

    /** Refuses to start without a proper key: a default would put every deployment's people under one known key. */
    static byte[] masterKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("linyunzhi.registry.pii-key is not set: the registry encrypts ID-card and "
                    + "phone numbers with it. Set it (e.g. LINYUNZHI_REGISTRY_PII_KEY=$(openssl rand -base64 32)) "
                    + "and keep it safe: data encrypted under a lost key cannot be read again.");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("linyunzhi.registry.pii-key is not valid base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("linyunzhi.registry.pii-key must be 32 bytes (256 bits) in base64, was "
                    + key.length + " bytes");
        }
        return key;
    }

    byte[] encrypt(Field field, String clear) {
        return encrypt(field, clear.getBytes(StandardCharsets.UTF_8));
    }

    byte[] encrypt(Field field, byte[] clear) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(field.name().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(clear);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    String decrypt(Field field, byte[] stored) {
        return new String(decryptBytes(field, stored), StandardCharsets.UTF_8);
    }

    byte[] decryptBytes(Field field, byte[] stored) {
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(field.name().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // a tampered value or one sealed under another key: never guess
            throw new IllegalStateException("a " + field + " value cannot be decrypted with the configured key", e);
        }
    }

    /** The search hash of a normalised value. */
    byte[] hash(Field field, String normalised) {
        Mac mac = macs.get();
        mac.update(field.name().getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        return mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        return instance(() -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashing);
            return mac;
        });
    }

    private interface Lookup<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T instance(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-GCM or HMAC-SHA256", e);
        }
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
