package io.skyport.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Marks one class as one native API command. The class is a fresh Spring bean per call
 * (prototype scope): its {@link Param} fields are bound from the request, then
 * {@link ApiOperation#execute} runs. The declaration is the documentation: {@code listApis}
 * is generated from it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Component
@Scope("prototype")
public @interface ApiCommand {
    /** Command name exactly as clients send it, e.g. {@code deployVirtualMachine}. */
    String name();

    String description();

    /** Which API the command belongs to: {@code native}, {@code ec2}, {@code gce}. */
    String api() default "native";

    /** False only for commands that establish identity themselves (login). */
    boolean authenticated() default true;

    /** True when the command answers with a job id and finishes in the async job framework. */
    boolean async() default false;

    /** Roles allowed to call it. */
    Role[] roles() default {Role.ADMIN, Role.DOMAIN_ADMIN, Role.USER};

    /** Version of the API the command appeared in, for listApis. */
    String since() default "";

    /** Name of the entity the command returns, for listApis (e.g. {@code zone}). */
    String entity() default "";

    /** Related commands shown by listApis. */
    String related() default "";
}
