package org.linyunzhi.web.internal.parameter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterTypeTest {

    @Test
    void eachTypeAcceptsItsValuesInTheirStoredForm() {
        assertThat(ParameterType.INT.normalise(" 42 ")).hasValue("42");
        assertThat(ParameterType.INT.normalise("-7")).hasValue("-7");
        assertThat(ParameterType.DECIMAL.normalise("1e1")).hasValue("10");
        assertThat(ParameterType.DECIMAL.normalise("0.50")).hasValue("0.50");
        assertThat(ParameterType.BOOL.normalise("TRUE")).hasValue("true");
        assertThat(ParameterType.DURATION.normalise("PT4H")).hasValue("PT4H");
        assertThat(ParameterType.DURATION.normalise("30m")).hasValue("30m");
        assertThat(ParameterType.STRING.normalise(" https://tiles.example/{z}/{x}/{y}.png ")).hasValue("https://tiles.example/{z}/{x}/{y}.png");
    }

    @Test
    void andRefusesEverythingElse() {
        assertThat(ParameterType.INT.normalise("12.5")).isEmpty();
        assertThat(ParameterType.INT.normalise("")).isEmpty();
        assertThat(ParameterType.INT.normalise("99999999999999999999")).isEmpty();
        assertThat(ParameterType.DECIMAL.normalise("one")).isEmpty();
        assertThat(ParameterType.BOOL.normalise("yes")).isEmpty();
        assertThat(ParameterType.DURATION.normalise("4 hours")).isEmpty();
        assertThat(ParameterType.STRING.normalise("x".repeat(2001))).isEmpty();
    }
}
