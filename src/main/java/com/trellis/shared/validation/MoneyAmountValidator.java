package com.trellis.shared.validation;

import java.math.BigDecimal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.springframework.beans.factory.annotation.Autowired;

public class MoneyAmountValidator implements ConstraintValidator<MoneyAmount, BigDecimal> {

	private final ValueLimits limits;

	private boolean positive;

	public MoneyAmountValidator() {
		this(ValueLimits.DEFAULTS);
	}

	@Autowired
	public MoneyAmountValidator(ValueLimits limits) {
		this.limits = limits;
	}

	@Override
	public void initialize(MoneyAmount annotation) {
		this.positive = annotation.positive();
	}

	@Override
	public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
		// the decimals are @AmountsIn's, which knows the currency (or the stored four)
		return Violations.report(this.limits.boundsProblem(value, this.positive), context);
	}

}
