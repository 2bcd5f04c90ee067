package org.linyunzhi.grid.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders import problems in a language: "Feature #12 (3301091072010030007): ..." so the person
 * fixing the file can find the feature by position and by code.
 */
@Component
class ProblemMessages {

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The problems with their messages in the given language. */
    List<ImportProblem> render(List<ImportProblem> problems, Locale locale) {
        return problems.stream().map(p -> p.withMessage(render(p, locale))).toList();
    }

    String render(ImportProblem p, Locale locale) {
        Object[] args = p.args().stream().map(ProblemMessages::plain).toArray();
        String text = messages.getMessage("grid.problem." + p.type().name(), args, p.type().name(), locale);
        if (p.featureIndex() < 0) {
            return text;
        }
        return messages.getMessage("grid.problem.at",
                new Object[] {String.valueOf(p.featureIndex()), p.code() == null ? "-" : p.code(), text}, locale);
    }

    /** Coordinates keep all their decimals; MessageFormat would cut them to three. */
    private static Object plain(Object arg) {
        if (arg instanceof Double d) {
            return d.isNaN() ? "?" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (arg instanceof Enum<?> e) {
            return e.name();
        }
        return arg == null ? "-" : arg.toString();
    }
}
