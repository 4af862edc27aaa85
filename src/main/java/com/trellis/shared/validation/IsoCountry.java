package com.trellis.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** An ISO 3166-1 alpha-2 country code ({@link CountryRule}); null passes. */
@Documented
@Constraint(validatedBy = IsoCountryValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCountry {

	String message() default "must be a two-letter ISO 3166 country code such as DE or US";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
