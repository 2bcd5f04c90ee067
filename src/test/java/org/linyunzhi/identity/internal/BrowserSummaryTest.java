package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrowserSummaryTest {

    @Test
    void namesBrowserAndSystem() {
        assertThat(BrowserSummary.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87")).isEqualTo("Edge 126 / Windows");
        assertThat(BrowserSummary.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
                + " (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN"))
                .isEqualTo("WeChat 8 / iOS");
        assertThat(BrowserSummary.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15"
                + " (KHTML, like Gecko) Version/17.5 Safari/605.1.15")).isEqualTo("Safari 17 / macOS");
        assertThat(BrowserSummary.of("curl/8.5.0")).isEqualTo("curl 8");
        assertThat(BrowserSummary.of(null)).isEmpty();
    }
}
