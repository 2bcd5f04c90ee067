package org.linyunzhi.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;

/**
 * RFC 9457 problem details for the API ({@code /api/**}): bad input answers 400 naming the field,
 * parameter or place in the JSON that is wrong, an upload too large 413, and errors that already
 * carry a status (ResponseStatusException, ErrorResponseException) keep it. For pages this advice
 * steps aside: rethrowing the original exception tells Spring MVC to use its next resolver, and
 * the browser gets the HTML error page.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE) // the fallback: a module's own advice for its controllers goes first
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final int MAX_DETAIL = 300;

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (!isApi(request)) {
            throw declined(ex);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Unreadable request body");
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof JacksonException json) {
            TokenStreamLocation at = json.getLocation();
            String where = at == null || at == TokenStreamLocation.NA ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String field = json.getPath().isEmpty() ? null : json.getPathReference();
            if (at != null && at != TokenStreamLocation.NA) {
                problem.setProperty("line", at.getLineNr());
                problem.setProperty("column", at.getColumnNr());
            }
            if (json instanceof StreamReadException || field == null) {
                problem.setDetail(clip("Malformed JSON" + where + ": " + json.getOriginalMessage()));
            } else {
                String name = fieldName(json);
                problem.setProperty("field", name);
                problem.setDetail(clip("JSON field '" + name + "'" + where + " has the wrong form: " + json.getOriginalMessage()));
            }
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            problem.setDetail("The request body is missing");
        } else {
            problem.setDetail("The request body could not be read");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(error(e.getField(), e)));
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(error(e.getObjectName(), e)));
        return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(e -> {
            String name = e instanceof FieldError fieldError ? fieldError.getField() : result.getMethodParameter().getParameterName();
            errors.add(error(name, e));
        }));
        return handleExceptionInternal(ex, invalid(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String type = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                clip("Parameter '" + name + "' must be of type " + type + ", not '" + ex.getValue() + "'"));
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", name);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMaxUploadSize() > 0
                ? "The upload is larger than the limit of " + ex.getMaxUploadSize() + " bytes"
                : "The upload is larger than the limit");
        problem.setTitle("Upload too large");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    /** Bean validation on a @Validated service or controller method. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : ex.getConstraintViolations()) {
            String path = v.getPropertyPath().toString();
            errors.add(Map.of("field", path.substring(path.lastIndexOf('.') + 1), "message", v.getMessage()));
        }
        return handleExceptionInternal(ex, invalid(errors), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail invalid(List<Map<String, Object>> errors) {
        String fields = errors.stream().map(e -> String.valueOf(e.get("field"))).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid value for " + fields);
        problem.setTitle("Validation failed");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, Object> error(String field, MessageSourceResolvable e) {
        // the validator has already put the message in the request's language
        return Map.of("field", field, "message", e.getDefaultMessage() == null ? "invalid" : e.getDefaultMessage());
    }

    private static String fieldName(JacksonException json) {
        StringBuilder name = new StringBuilder();
        for (JacksonException.Reference ref : json.getPath()) {
            if (ref.getPropertyName() != null) {
                name.append(name.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                name.append('[').append(ref.getIndex()).append(']');
            }
        }
        return name.toString();
    }

    private static boolean isApi(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            return http.getRequestURI().startsWith(http.getContextPath() + "/api/");
        }
        return true;
    }

    /** Rethrows the exception unchanged; Spring MVC treats this as "this advice does not handle it". */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException declined(Throwable ex) throws E {
        throw (E) ex;
    }

    private static String clip(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
