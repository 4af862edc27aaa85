package com.trellis.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A money amount: never negative, more than zero when {@link #positive()} and at most
 * {@code trellis.money.max-amount}. Its decimals are checked by {@link AmountsIn} on the
 * command, which every record with a money amount carries: no more than its currency has
 * (named with the currency's minor unit however many are sent), or than the four decimals
 * money is stored with while the currency is not known.
 */
@Documented
@Constraint(validatedBy = MoneyAmountValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface MoneyAmount {

	boolean positive() default true;

	String message() default "must be a money amount";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
