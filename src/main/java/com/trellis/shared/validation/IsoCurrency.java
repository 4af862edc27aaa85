package com.trellis.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An ISO 4217 currency code ({@link CurrencyRule}) that, unless {@link #requireRate()} is
 * off, has an exchange rate in the program ({@link CurrencyRates}).
 */
@Documented
@Constraint(validatedBy = IsoCurrencyValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCurrency {

	boolean requireRate() default true;

	String message() default "must be an ISO 4217 currency code such as USD";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
