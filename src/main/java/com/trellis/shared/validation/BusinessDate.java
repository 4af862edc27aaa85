package com.trellis.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A date within the configured business window (by default 1970-01-01 to 2100-12-31), for
 * close, onboarding, start and completion dates. See {@link ValueLimits}.
 */
@Documented
@Constraint(validatedBy = BusinessDateValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface BusinessDate {

	String message() default "must be a date within the business window";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
