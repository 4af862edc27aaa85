package com.trellis.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Free text of at most {@link #max()} characters without control characters; line breaks
 * only when {@link #multiline()}. See {@link TextRule}.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	int max();

	boolean multiline() default false;

	String message() default "must be plain text";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
