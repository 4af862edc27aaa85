package com.trellis.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class IsoCountryValidator implements ConstraintValidator<IsoCountry, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return Violations.report(CountryRule.problem(value), context);
	}

}
