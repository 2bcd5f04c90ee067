package org.linyunzhi.registry.internal;

import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The one way to a resident's clear ID-card or phone number. The handlers calling it carry
 * {@code @Audited("registry.pii.reveal")}, so the operation log records who asked for whose number
 * (the resident's id is in the path); the permission is checked here as well as on the handler so
 * no future caller can skip it.
 */
@Service
class PiiReveal {

    static final String PERMISSION = "registry:pii:reveal";

    enum What { ID_NUMBER, PHONE }

    private final Residents residents;
    private final PiiCipher cipher;

    PiiReveal(Residents residents, PiiCipher cipher) {
        this.residents = residents;
        this.cipher = cipher;
    }

    /** Empty when the resident is not in the user's scope (404) or has no phone. */
    Optional<String> reveal(UUID residentId, What what, CurrentUser user) {
        if (!user.can(PERMISSION)) {
            throw new AccessDeniedException("revealing numbers needs " + PERMISSION);
        }
        return residents.find(residentId, user.scope()).flatMap(r -> switch (what) {
            case ID_NUMBER -> Optional.of(cipher.decrypt(PiiCipher.Field.ID_NUMBER, r.idCipher()));
            case PHONE -> Optional.ofNullable(r.phoneCipher()).map(c -> cipher.decrypt(PiiCipher.Field.PHONE, c));
        });
    }
}
