package org.linyunzhi.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a write handler in the operation log, e.g. {@code @Audited("grid.node.update")}. Writes are
 * logged with or without it; the annotation only replaces the technical handler name with a
 * readable title. The value is looked up as a message key when the log is shown, so a module can
 * translate it in its own bundle; without a message the value itself is shown.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /** The action's name, dotted like a message key: {@code module.object.verb}. */
    String value();
}
