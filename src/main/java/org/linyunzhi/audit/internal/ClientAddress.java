package org.linyunzhi.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Where a request came from. X-Forwarded-For is written by whoever sends the request, so it is
 * believed only hop by hop from the right while each hop is one of our own trusted proxies; the
 * first address not ours is the client. With no trusted proxies the socket's address is the answer.
 */
final class ClientAddress {

    private static final int MAX_LENGTH = 64;

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        // an invalid entry fails at start-up rather than silently trusting nothing
        this.trustedProxies = trustedProxies.stream().map(String::trim).map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted(address)) {
            return address;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                continue;
            }
            address = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }

    private boolean trusted(String address) {
        for (IpAddressMatcher proxy : trustedProxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                // a host name or garbage in the header is never one of our proxies
                return false;
            }
        }
        return false;
    }
}
