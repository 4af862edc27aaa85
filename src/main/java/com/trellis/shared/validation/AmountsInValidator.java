package com.trellis.shared.validation;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;

import com.trellis.shared.TypedAmounts;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class AmountsInValidator implements ConstraintValidator<AmountsIn, Record> {

	private String currency;

	private String[] amounts;

	@Override
	public void initialize(AmountsIn annotation) {
		this.currency = annotation.currency();
		this.amounts = annotation.amounts();
	}

	@Override
	public boolean isValid(Record command, ConstraintValidatorContext context) {
		if (command == null || !(component(command, this.currency) instanceof String code)) {
			return true;
		}
		boolean valid = true;
		for (String name : this.amounts) {
			// more decimals than are stored is @MoneyAmount's to report, once
			if (component(command, name) instanceof BigDecimal amount
					&& CurrencyRule.decimalsOf(amount) <= CurrencyRule.STORED_DECIMALS) {
				// a reader's "1,500" that could be either amount in this currency first
				var problem = TypedAmounts.ambiguity(name, code).or(() -> CurrencyRule.decimalsProblem(amount, code));
				if (problem.isPresent()) {
					if (valid) {
						context.disableDefaultConstraintViolation();
					}
					context.buildConstraintViolationWithTemplate(Violations.escape(problem.get()))
						.addPropertyNode(name)
						.addConstraintViolation();
					valid = false;
				}
			}
		}
		return valid;
	}

	private static Object component(Record command, String name) {
		for (RecordComponent component : command.getClass().getRecordComponents()) {
			if (component.getName().equals(name)) {
				try {
					var accessor = component.getAccessor();
					accessor.setAccessible(true);
					return accessor.invoke(command);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException("Cannot read " + name + " of " + command.getClass(), ex);
				}
			}
		}
		throw new IllegalStateException(command.getClass() + " has no component " + name);
	}

}
