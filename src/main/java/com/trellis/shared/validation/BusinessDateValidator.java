package com.trellis.shared.validation;

import java.time.LocalDate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.springframework.beans.factory.annotation.Autowired;

public class BusinessDateValidator implements ConstraintValidator<BusinessDate, LocalDate> {

	private final ValueLimits limits;

	public BusinessDateValidator() {
		this(ValueLimits.DEFAULTS);
	}

	@Autowired
	public BusinessDateValidator(ValueLimits limits) {
		this.limits = limits;
	}

	@Override
	public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
		return Violations.report(this.limits.dateProblem(value), context);
	}

}
