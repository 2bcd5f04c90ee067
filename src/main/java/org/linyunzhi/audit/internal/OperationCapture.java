package org.linyunzhi.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.WebUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a finished write request into an operation-log entry: who, in which roles, which handler,
 * which record, with what input, from where, and how it ended. Everything stored is masked here.
 */
@Component
class OperationCapture {

    private static final int MAX_VALUE = 200;
    private static final int MAX_TEXT = 500;
    private static final String CSRF_PARAMETER = "_csrf";

    private final JsonMapper json;
    private final ClientAddress clientAddress;
    private final int bodyLimit;
    private final int captureLimit;
    private final ObjectProvider<HandlerMapping> handlerMapping;
    private final ObjectProvider<ErrorAttributes> errorAttributes;

    OperationCapture(JsonMapper json, AuditProperties properties,
                     @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> handlerMapping,
                     ObjectProvider<ErrorAttributes> errorAttributes) {
        this.json = json;
        this.clientAddress = new ClientAddress(properties.trustedProxies());
        this.bodyLimit = (int) properties.bodyLimit().toBytes();
        this.captureLimit = (int) properties.captureLimit().toBytes();
        this.handlerMapping = handlerMapping;
        this.errorAttributes = errorAttributes;
    }

    OperationEntry capture(ContentCachingRequestWrapper request, HttpServletResponse response,
                           Instant started, long durationMs, Throwable failure) {
        Actor actor = actor();
        HandlerMethod handler = handler(request);
        String method = request.getMethod();
        int status = failure != null ? 500 : response.getStatus();
        Audited audited = handler == null ? null : auditedOf(handler);
        return new OperationEntry(OperationEntry.Kind.OPERATION, started, actor.id(), actor.username(), actor.roles(),
                method,
                method + " " + (handler != null ? handlerName(handler) : clip(SensitiveData.maskText(path(request)), MAX_TEXT)),
                audited != null ? audited.value() : null,
                clip(SensitiveData.maskText(path(request)), MAX_TEXT),
                pathVariables(request),
                parameters(request),
                body(request),
                files(request),
                clientAddress.of(request),
                clip(request.getHeader("User-Agent"), 300),
                status,
                failure == null && status < 400,
                error(request, status, failure),
                (int) Math.min(durationMs, Integer.MAX_VALUE),
                null, null);
    }

    private record Actor(UUID id, String username, String roles) {
    }

    /** Read while the security context of the request is still in place. */
    private static Actor actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return new Actor(null, null, null);
        }
        if (auth.getPrincipal() instanceof CurrentUser user) {
            return new Actor(user.id(), user.username(), String.join(",", new TreeSet<>(user.roles())));
        }
        String roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted()
                .collect(Collectors.joining(","));
        return new Actor(null, auth.getName(), roles.isEmpty() ? null : roles);
    }

    /**
     * The handler Spring MVC chose, or, when security refused the request before it reached
     * Spring MVC, the handler it would have chosen: a refused write is named like an allowed one.
     */
    private HandlerMethod handler(HttpServletRequest request) {
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        if (handler == null) {
            HandlerMapping mapping = handlerMapping.getIfAvailable();
            if (mapping != null) {
                try {
                    if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                        ServletRequestPathUtils.parseAndCache(request);
                    }
                    HandlerExecutionChain chain = mapping.getHandler(request);
                    handler = chain != null ? chain.getHandler() : null;
                } catch (Exception noMatch) {
                    // no handler for this method and path: the action is named by the path instead
                }
            }
        }
        return handler instanceof HandlerMethod method ? method : null;
    }

    private static Audited auditedOf(HandlerMethod handler) {
        Audited onMethod = handler.getMethodAnnotation(Audited.class);
        return onMethod != null ? onMethod : handler.getBeanType().getAnnotation(Audited.class);
    }

    /** {@code grid.RegionNodeController#update}: the module, the class and the method. */
    static String handlerName(HandlerMethod handler) {
        Class<?> type = handler.getBeanType();
        String pkg = type.getPackageName();
        String module = pkg.startsWith("org.linyunzhi.") ? pkg.substring("org.linyunzhi.".length()).split("\\.")[0] + "." : "";
        return module + type.getSimpleName() + "#" + handler.getMethod().getName();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @SuppressWarnings("unchecked")
    private String pathVariables(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(vars instanceof Map<?, ?> map) || map.isEmpty()) {
            return null;
        }
        Map<String, String> masked = new TreeMap<>();
        ((Map<String, String>) map).forEach((name, value) -> masked.put(name, SensitiveData.maskValue(name, clip(value, MAX_VALUE))));
        return capped(json.writeValueAsString(masked));
    }

    private String parameters(HttpServletRequest request) {
        Map<String, Object> masked = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (CSRF_PARAMETER.equals(name)) {
                return; // a one-time token says nothing about the operation
            }
            List<String> kept = Arrays.stream(values).map(v -> SensitiveData.maskValue(name, clip(v, MAX_VALUE))).toList();
            masked.put(name, kept.size() == 1 ? kept.get(0) : kept);
        });
        return masked.isEmpty() ? null : capped(json.writeValueAsString(masked));
    }

    /**
     * A masked copy of a JSON body. The whole body must be parsed before it is cut to size, or a
     * number split at the cut could escape masking; a body too large to hold, or one that is not
     * JSON, is recorded by its size alone.
     */
    private String body(ContentCachingRequestWrapper request) {
        if (!isJson(request.getContentType())) {
            return null;
        }
        byte[] content = request.getContentAsByteArray();
        long declared = request.getContentLengthLong();
        if (content.length == 0 && declared != 0) {
            content = unreadBody(request);
        }
        if (content.length == 0) {
            return null;
        }
        if (declared > content.length || content.length >= captureLimit) {
            return "[JSON body of " + declared + " bytes, too large to mask; not stored]";
        }
        try {
            JsonNode masked = SensitiveData.maskJson(json.readTree(content));
            return capped(json.writeValueAsString(masked));
        } catch (JacksonException notJson) {
            return "[body of " + content.length + " bytes is not valid JSON; not stored]";
        }
    }

    /** A write refused before its handler ran never read its body; read what the capture limit allows. */
    private byte[] unreadBody(ContentCachingRequestWrapper request) {
        try (InputStream in = request.getInputStream()) {
            in.readNBytes(captureLimit);
            return request.getContentAsByteArray();
        } catch (Exception unreadable) {
            return new byte[0];
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException badHeader) {
            return false;
        }
    }

    /** Uploaded files by field, name and size; their content is never stored. */
    private String files(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/")) {
            return null;
        }
        List<Map<String, Object>> files = new ArrayList<>();
        MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
        try {
            if (multipart != null) {
                for (Map.Entry<String, List<MultipartFile>> field : multipart.getMultiFileMap().entrySet()) {
                    for (MultipartFile file : field.getValue()) {
                        files.add(file(field.getKey(), file.getOriginalFilename(), file.getSize()));
                    }
                }
            } else {
                for (Part part : request.getParts()) {
                    if (part.getSubmittedFileName() != null) {
                        files.add(file(part.getName(), part.getSubmittedFileName(), part.getSize()));
                    }
                }
            }
        } catch (Exception unreadable) {
            // e.g. an upload over the size limit: its refusal is logged, its parts cannot be listed
            return null;
        }
        return files.isEmpty() ? null : capped(json.writeValueAsString(files));
    }

    private static Map<String, Object> file(String field, String name, long size) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("field", field);
        file.put("name", SensitiveData.maskText(clip(name, MAX_VALUE)));
        file.put("size", size);
        return file;
    }

    private String error(HttpServletRequest request, int status, Throwable failure) {
        Throwable cause = failure;
        if (cause == null) {
            ErrorAttributes errors = errorAttributes.getIfAvailable();
            cause = errors != null ? errors.getError(new ServletWebRequest(request)) : null;
        }
        if (cause != null) {
            String message = cause.getMessage();
            return clip(SensitiveData.maskText(cause.getClass().getSimpleName() + (message != null ? ": " + message : "")), MAX_TEXT);
        }
        if (status >= 400) {
            HttpStatus known = HttpStatus.resolve(status);
            return known != null ? known.getReasonPhrase() : String.valueOf(status);
        }
        return null;
    }

    private String capped(String text) {
        if (text.length() <= bodyLimit) {
            return text;
        }
        return text.substring(0, bodyLimit) + "…[" + text.length() + " chars, cut]";
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
