package org.linyunzhi.registry.internal;

import java.util.List;
import java.util.UUID;

/**
 * A resident as stored: the numbers only as ciphertext, search hash and masked form. The
 * ciphertexts never leave this module's services except through {@link PiiReveal}.
 */
record Resident(UUID id, String name, byte[] idCipher, byte[] idHash, String idMasked, byte[] phoneCipher,
                byte[] phoneHash, String phoneMasked, String gender, UUID houseId, String household,
                List<String> tags, String regionCode, List<String> sources, int version) {
}
