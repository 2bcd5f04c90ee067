package org.linyunzhi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(new ClientAddress(List.of()).of(request("10.1.1.1", "6.6.6.6"))).isEqualTo("10.1.1.1");
    }

    @Test
    void aTrustedProxyHandsOnTheClientItSaw() {
        ClientAddress address = new ClientAddress(List.of("10.0.0.0/8"));
        assertThat(address.of(request("10.1.1.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
        // a client cannot pose as someone else by sending its own header: the rightmost untrusted hop wins
        assertThat(address.of(request("10.1.1.1", "1.2.3.4, 203.0.113.9, 10.2.2.2"))).isEqualTo("203.0.113.9");
        assertThat(address.of(request("10.1.1.1", "evil.example, 203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void anUntrustedSenderIsTakenAtItsAddress() {
        assertThat(new ClientAddress(List.of("10.0.0.0/8")).of(request("198.51.100.7", "1.2.3.4"))).isEqualTo("198.51.100.7");
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
        request.setRemoteAddr(remote);
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }
}
