package io.github.aelab.core.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value an experiment file may leave out, written as it would be in YAML. A component
 * without this annotation is required. {@link #NULL} means "absent": the record decides (e.g.
 * an initializer chosen from the activation).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface DefaultValue {
  String NULL = "\u0000null";

  String value();
}
