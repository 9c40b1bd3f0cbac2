package io.skyport.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A request parameter of an {@link ApiCommand}, bound to the annotated field. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Param {
    /** Wire name, lower case as CloudStack sends it. */
    String name();

    ParamType type() default ParamType.STRING;

    boolean required() default false;

    String description() default "";

    /** Maximum length of the raw value. */
    int length() default 255;

    String since() default "";

    /**
     * For UUID parameters: the entity kind resolved through an {@link EntityResolver}; the field
     * then receives the internal id, and an unknown or foreign UUID is a parameter error.
     */
    String entity() default "";

    /** Element type when {@link #type()} is LIST. */
    ParamType collectionType() default ParamType.STRING;
}
