package org.linyunzhi.web.internal.parameter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A parameter change that cannot be made. As an {@link ErrorResponseException} it becomes a
 * problem detail in the API with its message in the caller's language; the page shows the same
 * message beside the field.
 */
final class ParameterRejected extends ErrorResponseException {

    private final String key;

    private ParameterRejected(HttpStatus status, String key, String messageCode, Object... arguments) {
        super(status, problem(status, key), null, messageCode, arguments);
        this.key = key;
    }

    static ParameterRejected invalid(String key, ParameterType type, String value) {
        return new ParameterRejected(HttpStatus.BAD_REQUEST, key, "system.param.invalid." + type, key, value);
    }

    static ParameterRejected readOnly(String key) {
        return new ParameterRejected(HttpStatus.CONFLICT, key, "system.param.readOnly", key);
    }

    String key() {
        return key;
    }

    private static ProblemDetail problem(HttpStatus status, String key) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setProperty("parameter", key);
        return problem;
    }
}
