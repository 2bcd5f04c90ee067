package org.linyunzhi.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One page of a list, numbered from 0, with what the pager needs. */
record PageOf<T>(List<T> items, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    /** Page numbers are user input: anything below zero is the first page, sizes stay sensible. */
    static int page(Integer requested) {
        return requested == null || requested < 0 ? 0 : requested;
    }

    /** The current URL with its filters kept and {@code page=} last, for the pager to append a number. */
    static String linkBase(HttpServletRequest request) {
        StringBuilder url = new StringBuilder(request.getRequestURI()).append('?');
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            if (p.getKey().equals("page")) {
                continue;
            }
            for (String value : p.getValue()) {
                url.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
        return url.append("page=").toString();
    }
}
