package org.linyunzhi.web.internal.parameter;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.linyunzhi.web.Parameters;
import org.linyunzhi.web.internal.VersionedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cached read side of parameters; values were checked against their type when saved. */
@Component
class ParameterCatalogue implements Parameters {

    record Setting(ParameterType type, String text) {
    }

    private final VersionedCache<Map<String, Setting>> cache;

    ParameterCatalogue(JdbcClient jdbc, @Value("${linyunzhi.web.config-refresh:5s}") Duration refresh) {
        this.cache = new VersionedCache<>(jdbc, "parameters", refresh, () -> jdbc.sql("SELECT key, type, value FROM web_parameter")
                .query((rs, n) -> Map.entry(rs.getString("key"),
                        new Setting(ParameterType.valueOf(rs.getString("type")), rs.getString("value"))))
                .list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Override
    public String string(String key) {
        return value(key, ParameterType.STRING, Function.identity());
    }

    @Override
    public long integer(String key) {
        return value(key, ParameterType.INT, Long::parseLong);
    }

    @Override
    public BigDecimal decimal(String key) {
        return value(key, ParameterType.DECIMAL, BigDecimal::new);
    }

    @Override
    public boolean bool(String key) {
        return value(key, ParameterType.BOOL, Boolean::parseBoolean);
    }

    @Override
    public Duration duration(String key) {
        return value(key, ParameterType.DURATION, DurationStyle::detectAndParse);
    }

    void changed() {
        cache.changed();
    }

    private <T> T value(String key, ParameterType expected, Function<String, T> parse) {
        Setting value = cache.get().get(key);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + key);
        }
        if (value.type() != expected) {
            throw new IllegalArgumentException("parameter " + key + " is " + value.type() + ", not " + expected);
        }
        return parse.apply(value.text());
    }
}
