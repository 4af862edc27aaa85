package com.trellis.shared.validation;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Optional;

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
		if (command == null) {
			return true;
		}
		// without a currency (refused on its own) an amount keeps to the stored decimals
		var code = component(command, this.currency) instanceof String text ? text : null;
		boolean valid = true;
		for (String name : this.amounts) {
			if (component(command, name) instanceof BigDecimal amount) {
				// a reader's "1,500" that could be either amount in this currency first
				var problem = (code == null ? Optional.<String>empty() : TypedAmounts.ambiguity(name, code))
					.or(() -> CurrencyRule.decimalsProblem(amount, code));
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
