package org.linyunzhi.audit.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Logs every write: any request but GET, HEAD, OPTIONS and TRACE. It sits inside the security
 * filter chain just after the security context is loaded, so it sees the authenticated user and
 * also the writes security refuses (403 from CSRF, URL rules or method security), while the
 * response status it reads is the final one.
 */
final class OperationLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OperationLogFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final OperationCapture capture;
    private final OperationLog operationLog;
    private final Clock clock;
    private final int captureLimit;
    private final List<PathPattern> ignored;

    OperationLogFilter(OperationCapture capture, OperationLog operationLog, AuditProperties properties, Clock clock) {
        this.capture = capture;
        this.operationLog = operationLog;
        this.clock = clock;
        this.captureLimit = (int) properties.captureLimit().toBytes();
        this.ignored = properties.ignoredPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (READS.contains(request.getMethod())) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return ignored.stream().anyMatch(p -> p.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        ContentCachingRequestWrapper wrapped = new ContentCachingRequestWrapper(request, captureLimit);
        Throwable failure = null;
        try {
            chain.doFilter(wrapped, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            record(wrapped, response, started, (System.nanoTime() - startNanos) / 1_000_000, failure);
        }
    }

    /**
     * The write has happened by now and its answer stands: a failure to log is reported loudly
     * but does not turn a completed write into an error for the user.
     */
    private void record(ContentCachingRequestWrapper request, HttpServletResponse response, Instant started,
                        long durationMs, Throwable failure) {
        try {
            operationLog.append(capture.capture(request, response, started, durationMs, failure));
        } catch (RuntimeException e) {
            log.error("Operation log entry lost for {} {}", request.getMethod(), request.getRequestURI(), e);
        }
    }
}
