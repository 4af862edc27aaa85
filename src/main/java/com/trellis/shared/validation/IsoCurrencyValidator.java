package com.trellis.shared.validation;

import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

public class IsoCurrencyValidator implements ConstraintValidator<IsoCurrency, String> {

	private final CurrencyRates rates;

	private boolean requireRate;

	/** Without the program's rates every ISO currency counts as having one. */
	public IsoCurrencyValidator() {
		this((CurrencyRates) currency -> true);
	}

	public IsoCurrencyValidator(CurrencyRates rates) {
		this.rates = rates;
	}

	@Autowired
	public IsoCurrencyValidator(ObjectProvider<CurrencyRates> rates) {
		this(rates.getIfAvailable(() -> currency -> true));
	}

	@Override
	public void initialize(IsoCurrency annotation) {
		this.requireRate = annotation.requireRate();
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return Violations.report(problem(value), context);
	}

	private Optional<String> problem(String value) {
		var problem = CurrencyRule.problem(value);
		if (problem.isPresent() || value == null || !this.requireRate || this.rates.hasRate(value)) {
			return problem;
		}
		return Optional.of(CurrencyRates.noRate(value));
	}

}
