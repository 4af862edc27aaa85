package com.trellis.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

	private int max;

	private boolean multiline;

	@Override
	public void initialize(PlainText annotation) {
		this.max = annotation.max();
		this.multiline = annotation.multiline();
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return Violations.report(TextRule.problem(value, this.max, this.multiline), context);
	}

}
