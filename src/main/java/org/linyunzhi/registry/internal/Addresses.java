package org.linyunzhi.registry.internal;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The key houses merge on: departments write the same address differently (full-width digits,
 * blanks, 號 or # for 号, 衖 for 弄, 栋/座 for 幢), so two spellings of one house must give one key.
 */
final class Addresses {

    private static final Pattern NOISE = Pattern.compile("[\\s,，.。、;；:：'\"“”‘’()（）\\[\\]【】]");

    private Addresses() {
    }

    static String key(String address) {
        if (address == null) {
            return "";
        }
        // NFKC folds full-width digits, letters and signs to half-width
        String s = Normalizer.normalize(address, Normalizer.Form.NFKC).toUpperCase();
        s = NOISE.matcher(s).replaceAll("");
        s = s.replace('號', '号').replace('衖', '弄').replace('栋', '幢').replace('座', '幢')
                .replace('—', '-').replace('－', '-').replace('–', '-');
        // "12#" and "12號" are both 12号
        s = s.replaceAll("(\\d+)#", "$1号");
        return s;
    }

    /** The address as shown: trimmed and with full-width digits folded, otherwise as typed. */
    static String display(String address) {
        return address == null ? null
                : Normalizer.normalize(address, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }
}
