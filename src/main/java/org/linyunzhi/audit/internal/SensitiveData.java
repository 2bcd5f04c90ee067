package org.linyunzhi.audit.internal;

import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the operation log must never hold in clear: secrets by the name of the field that carries
 * them, personal numbers by their shape wherever they appear. ID-card numbers keep the first 6
 * and last 4 characters, mobile numbers read {@code 138****5678} (the masking conventions of
 * DOMAIN.md).
 */
final class SensitiveData {

    static final String HIDDEN = "***";

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)pass(word|wd)|pwd|secret|token|totp|credential|csrf|api[-_]?key");
    // 18 characters: 17 digits and a check character; not part of a longer run of letters or digits
    private static final Pattern ID_NUMBER =
            Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9]\\d)\\d{4}(\\d{4})(?![0-9])");

    private SensitiveData() {
    }

    static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name).find();
    }

    /** Masks ID-card and mobile numbers anywhere in a text. */
    static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = ID_NUMBER.matcher(text).replaceAll("$1********$2");
        return MOBILE.matcher(masked).replaceAll("$1****$2");
    }

    /** The value of a named field: hidden when the name says it is a secret, masked otherwise. */
    static String maskValue(String name, String value) {
        return isSecretName(name) ? HIDDEN : maskText(value);
    }

    /** A copy of a JSON tree with secret fields hidden and personal numbers masked in every value. */
    static JsonNode maskJson(JsonNode node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isObject()) {
            ObjectNode copy = nodes.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), isSecretName(field.getKey()) && !field.getValue().isNull()
                        ? nodes.stringNode(HIDDEN)
                        : maskJson(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = nodes.arrayNode(node.size());
            node.values().forEach(item -> copy.add(maskJson(item)));
            return copy;
        }
        if (node.isString()) {
            return nodes.stringNode(maskText(node.stringValue()));
        }
        if (node.isIntegralNumber()) {
            // a phone number sent as a JSON number is still a phone number
            String digits = node.asString();
            String masked = maskText(digits);
            return masked.equals(digits) ? node : nodes.stringNode(masked);
        }
        return node;
    }
}
