package org.linyunzhi.grid.internal;

import java.util.List;

/**
 * One thing wrong with an uploaded region tree, tied to the feature it concerns.
 *
 * @param featureIndex position of the feature in the collection (0-based); −1 for the payload as a whole
 * @param code         the feature's code as given, or null
 * @param type         what is wrong; the message key is {@code grid.problem.<TYPE>}
 * @param args         the message arguments (codes, areas, coordinates)
 * @param message      the rendered message (English for Java callers, the request's language on the web)
 */
public record ImportProblem(int featureIndex, String code, Type type, List<Object> args, String message) {

    public ImportProblem {
        // a missing value (a feature without a code) is shown as "-"
        args = args.stream().map(a -> a == null ? (Object) "-" : a).toList();
    }

    static ImportProblem of(int featureIndex, String code, Type type, Object... args) {
        return new ImportProblem(featureIndex, code, type, java.util.Arrays.asList(args), null);
    }

    ImportProblem withMessage(String rendered) {
        return new ImportProblem(featureIndex, code, type, args, rendered);
    }

    public enum Type {
        MALFORMED_JSON,
        NOT_A_FEATURE_COLLECTION,
        EMPTY_COLLECTION,
        PAYLOAD_TOO_LARGE,
        NOT_A_FEATURE,
        MISSING_PROPERTY,
        UNKNOWN_LEVEL,
        UNKNOWN_VILLAGE_KIND,
        UNKNOWN_DEDICATED_TYPE,
        MISSING_GEOMETRY,
        UNSUPPORTED_GEOMETRY,
        MALFORMED_GEOMETRY,
        RING_NOT_CLOSED,
        TOO_FEW_POINTS,
        COORDINATE_OUT_OF_RANGE,
        SWAPPED_COORDINATES,
        INVALID_POLYGON,
        DUPLICATE_CODE,
        CODE_NOT_DIGITS,
        CODE_WRONG_LENGTH,
        CODE_NOT_UNDER_PARENT,
        CODE_SEGMENT_OUT_OF_RANGE,
        CODE_KIND_MISMATCH,
        CODE_TYPE_DIGIT_MISMATCH,
        NO_FREE_CODE,
        UNKNOWN_PARENT,
        SEVERAL_ROOTS,
        WRONG_PARENT_LEVEL,
        CHILD_OUTSIDE_PARENT,
        SIBLINGS_OVERLAP,
        DEDICATED_NOT_IN_ONE_MICRO_GRID,
        DEDICATED_OVERLAP,
        ROOT_OUT_OF_SCOPE
    }
}
