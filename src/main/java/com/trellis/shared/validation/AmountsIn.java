package com.trellis.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * On a command record: the amounts named in {@link #amounts()} are in the currency of the
 * component named {@link #currency()} and may not have more decimals than that currency
 * has ({@link CurrencyRule#decimalsProblem}); an amount a comma-decimal reader typed into
 * a page form as "1,500" is refused as ambiguous in a currency of fewer than three
 * decimals ({@link com.trellis.shared.TypedAmounts}). The error names the amount's field.
 * Repeatable for a record holding amounts in more than one currency.
 */
@Documented
@Constraint(validatedBy = AmountsInValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(AmountsIn.List.class)
public @interface AmountsIn {

	String currency() default "currency";

	String[] amounts();

	String message() default "has more decimals than its currency";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Several {@link AmountsIn} on one record, one per currency. */
	@Documented
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface List {

		AmountsIn[] value();

	}

}
