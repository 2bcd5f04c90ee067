package org.linyunzhi.web;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * System parameters maintained by administrators on /system/params, e.g. {@code map.tile-url}.
 * Each has a declared type and is validated against it when saved, so a read never fails to
 * parse. Asking for an unknown key, or for a key as the wrong type, is a programming error and
 * throws {@link IllegalArgumentException}. Answers are cached like {@link Dictionaries}.
 */
public interface Parameters {

    String string(String key);

    long integer(String key);

    BigDecimal decimal(String key);

    boolean bool(String key);

    Duration duration(String key);
}
