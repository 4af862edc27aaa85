package com.trellis.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link EmailAddress}. */
public class EmailAddressValidator implements ConstraintValidator<EmailAddress, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return Violations.report(EmailRule.problem(value), context);
	}

}
