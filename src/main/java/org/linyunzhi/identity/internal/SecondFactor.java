package org.linyunzhi.identity.internal;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s), the kind every authenticator app reads
 * from a QR code. A code is accepted one step early or late for clock drift, and only for a step
 * later than the last one used, so an overheard code cannot be replayed.
 */
@Component
class SecondFactor {

    static final int PERIOD_SECONDS = 30;

    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private final String issuer;
    private final Clock clock;

    SecondFactor(IdentityProperties properties, ObjectProvider<Clock> clock) {
        this.issuer = properties.totp().issuer();
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** A new 160-bit secret, Base32 as the apps expect. */
    String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The enrolment QR code as a data: URI, so no image leaves the page or needs a route. */
    String qrCode(String username, String secret) {
        QrData data = new QrData.Builder().label(username).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
        ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
        generator.setImageSize(220);
        try {
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("could not draw the enrolment QR code", e);
        }
    }

    /**
     * The time step the code is valid for, if it is valid now and newer than {@code lastUsedStep}.
     */
    OptionalLong verify(String secret, String code, Long lastUsedStep) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (secret == null || !typed.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (lastUsedStep != null && step <= lastUsedStep) {
                continue;
            }
            if (MessageDigest.isEqual(generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private String generate(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("could not compute a one-time code", e);
        }
    }
}
