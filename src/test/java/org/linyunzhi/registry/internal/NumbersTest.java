package org.linyunzhi.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The checks every imported number goes through: GB 11643 ID-card check digits, GB 32100 credit
 * code check characters, phone forms and masks, address keys, and the cipher that keeps them.
 */
class NumbersTest {

    @Test
    void idCardNumbersAreCheckedByTheirMod11CheckDigit() {
        // the standard's own example, with X as check digit
        assertThat(IdCardNumber.parse("11010519491231002X").valid()).isTrue();
        assertThat(IdCardNumber.parse("11010519491231002x").number().value()).isEqualTo("11010519491231002X");
        assertThat(IdCardNumber.parse("440524188001010014").valid()).isTrue();
        assertThat(IdCardNumber.parse("１１０１０５１９４９１２３１００２Ｘ").valid()).as("full-width digits").isTrue();
        assertThat(IdCardNumber.parse("110105194912310021").problem()).isEqualTo(IdCardNumber.Problem.CHECKSUM);
        assertThat(IdCardNumber.parse("11010519491231002").problem()).isEqualTo(IdCardNumber.Problem.LENGTH);
        assertThat(IdCardNumber.parse("1101051949123100AX").problem()).isEqualTo(IdCardNumber.Problem.CHARACTERS);
        assertThat(IdCardNumber.parse("110105194902300028").problem()).as("30 February")
                .isEqualTo(IdCardNumber.Problem.BIRTH_DATE);
        assertThat(IdCardNumber.parse(null).valid()).isFalse();
    }

    @Test
    void anIdCardNumberIsMaskedToItsFirstThreeAndLastFour() {
        IdCardNumber id = IdCardNumber.parse("11010519491231002X").number();
        assertThat(id.masked()).isEqualTo("110***********002X").hasSize(18);
        assertThat(id.gender()).isEqualTo('F');
        assertThat(IdCardNumber.parse("440524188001010014").number().gender()).isEqualTo('M');
    }

    @Test
    void creditCodesAreCheckedByTheirMod31CheckCharacter() {
        // examples published with GB 32100-2015
        assertThat(CreditCode.parse("91350100M000100Y43").valid()).isTrue();
        assertThat(CreditCode.parse("91110000600037341L").valid()).isTrue();
        assertThat(CreditCode.parse(" 91350100m000100y43 ").valid()).as("case and blanks").isTrue();
        assertThat(CreditCode.parse("91350100M000100Y44").problem()).isEqualTo(CreditCode.Problem.CHECKSUM);
        assertThat(CreditCode.parse("91350100M000100Y4").problem()).isEqualTo(CreditCode.Problem.LENGTH);
        // I, O, S, V and Z are not in the code's alphabet
        assertThat(CreditCode.parse("91350100I000100Y43").problem()).isEqualTo(CreditCode.Problem.CHARACTERS);
        assertThat(CreditCode.parse("9135A100M000100Y43").problem()).as("division must be digits")
                .isEqualTo(CreditCode.Problem.CHARACTERS);
    }

    @Test
    void phonesAreNormalisedAndMasked() {
        assertThat(PhoneNumber.parse("+86 138-1234-5678").value()).isEqualTo("13812345678");
        assertThat(PhoneNumber.parse("13812345678").masked()).isEqualTo("138****5678");
        assertThat(PhoneNumber.parse("0571-82345678").masked()).isEqualTo("********5678");
        assertThat(PhoneNumber.parse("12345")).isNull();
        assertThat(PhoneNumber.parse("23812345678")).isNull();
    }

    @Test
    void addressesWrittenDifferentlyGiveOneKey() {
        String key = Addresses.key("临浦镇通二村118号");
        assertThat(Addresses.key("临浦镇 通二村 １１８號")).isEqualTo(key);
        assertThat(Addresses.key("临浦镇通二村118#")).isEqualTo(key);
        assertThat(Addresses.key("临浦镇通二村１１８号。")).isEqualTo(key);
        assertThat(Addresses.key("临浦镇浦南社区新街3衖5号")).isEqualTo(Addresses.key("临浦镇浦南社区新街3弄5号"));
        assertThat(Addresses.key("临浦镇通二村119号")).isNotEqualTo(key);
    }

    @Test
    void numbersAreEncryptedPerFieldAndHashedWithAKey() {
        PiiCipher cipher = new PiiCipher(new RegistryProperties(Base64.getEncoder().encodeToString(new byte[32]), null));
        byte[] sealed = cipher.encrypt(PiiCipher.Field.ID_NUMBER, "11010519491231002X");
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("11010519491231002X");
        assertThat(cipher.decrypt(PiiCipher.Field.ID_NUMBER, sealed)).isEqualTo("11010519491231002X");
        // a fresh nonce each time: equal numbers do not give equal ciphertexts
        assertThat(cipher.encrypt(PiiCipher.Field.ID_NUMBER, "11010519491231002X")).isNotEqualTo(sealed);
        // an ID ciphertext cannot be read as a phone, and a flipped bit is detected
        assertThatThrownBy(() -> cipher.decrypt(PiiCipher.Field.PHONE, sealed)).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(PiiCipher.Field.ID_NUMBER, sealed)).isInstanceOf(IllegalStateException.class);
        // the search hash is stable under one key and differs under another
        assertThat(cipher.hash(PiiCipher.Field.PHONE, "13812345678")).isEqualTo(cipher.hash(PiiCipher.Field.PHONE, "13812345678"));
        byte[] other = new byte[32];
        other[0] = 1;
        PiiCipher otherKey = new PiiCipher(new RegistryProperties(Base64.getEncoder().encodeToString(other), null));
        assertThat(otherKey.hash(PiiCipher.Field.PHONE, "13812345678")).isNotEqualTo(cipher.hash(PiiCipher.Field.PHONE, "13812345678"));
    }

    @Test
    void withoutAProperKeyTheRegistryRefusesToStart() {
        assertThatThrownBy(() -> new PiiCipher(new RegistryProperties(null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("linyunzhi.registry.pii-key is not set");
        assertThatThrownBy(() -> new PiiCipher(new RegistryProperties("c2hvcnQ=", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new PiiCipher(new RegistryProperties("not base64!", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
    }
}
