package org.linyunzhi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SensitiveDataTest {

    @Test
    void masksIdNumbersKeepingSixAndFour() {
        assertThat(SensitiveData.maskText("330102199001011234")).isEqualTo("330102********1234");
        assertThat(SensitiveData.maskText("身份证33010219900101123x号")).isEqualTo("身份证330102********123x号");
        // part of a longer code is not an ID number
        assertThat(SensitiveData.maskText("A330102199001011234")).isEqualTo("A330102199001011234");
    }

    @Test
    void masksMobileNumbers() {
        assertThat(SensitiveData.maskText("tel 13812345678.")).isEqualTo("tel 138****5678.");
        assertThat(SensitiveData.maskText("12812345678")).as("no mobile starts with 12").isEqualTo("12812345678");
        assertThat(SensitiveData.maskText("3301091072010030007")).as("a region code is left alone").isEqualTo("3301091072010030007");
    }

    @Test
    void hidesSecretsByFieldName() {
        assertThat(SensitiveData.maskValue("newPassword", "x")).isEqualTo("***");
        assertThat(SensitiveData.maskValue("client_secret", "x")).isEqualTo("***");
        assertThat(SensitiveData.maskValue("accessToken", "x")).isEqualTo("***");
        assertThat(SensitiveData.maskValue("totp", "123456")).isEqualTo("***");
        assertThat(SensitiveData.maskValue("name", "Li")).isEqualTo("Li");
    }

    @Test
    void masksJsonTreesDeeply() {
        JsonMapper json = JsonMapper.builder().build();
        String masked = json.writeValueAsString(SensitiveData.maskJson(json.readTree("""
                {"people":[{"idNumber":"330102199001011234","phone":13812345678,"password":null}],
                 "auth":{"refreshToken":"abc"},"count":3}
                """)));
        assertThat(masked).isEqualTo("{\"people\":[{\"idNumber\":\"330102********1234\",\"phone\":\"138****5678\","
                + "\"password\":null}],\"auth\":{\"refreshToken\":\"***\"},\"count\":3}");
    }
}
