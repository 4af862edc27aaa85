package com.trellis.shared;

import jakarta.validation.Validation;
import jakarta.validation.constraints.Max;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Digits beyond an int on a form read field by field are told the command's own bound
 * when it has one, else the int's range; the form is refused either way.
 */
class FormFieldsTests {

	record Days(@Max(730) Integer days, Integer count) {
	}

	private final jakarta.validation.Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void digitsBeyondAnIntAreToldTheBoundTheyBreakOrTheIntsRange() {
		var fields = new FormFields();
		var read = new Days(fields.whole("days", "99999999999"), fields.whole("count", "-99999999999"));
		var refused = catchThrowableOfType(InvalidInputException.class, () -> fields.check(() -> check(read)));
		assertThat(refused.errors())
			.extracting(InvalidInputException.FieldError::field, InvalidInputException.FieldError::message)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("days", "must be less than or equal to 730"),
					org.assertj.core.groups.Tuple.tuple("count",
							"must be a whole number from -2,147,483,648 to 2,147,483,647 ('-99999999999' is outside)"));
	}

	@Test
	void wholeNumberTextReadsAsTheNearestInt() {
		assertThat(FormFields.nearestWhole("+7")).isEqualTo(7);
		assertThat(FormFields.nearestWhole(" -0012 ")).isEqualTo(-12);
		assertThat(FormFields.nearestWhole("2147483648")).isEqualTo(Integer.MAX_VALUE);
		assertThat(FormFields.nearestWhole("-" + "9".repeat(100_000))).isEqualTo(Integer.MIN_VALUE);
		assertThat(FormFields.nearestWhole("-0")).isZero();
		assertThat(FormFields.nearestWhole("1.5")).isNull();
		assertThat(FormFields.nearestWhole("")).isNull();
	}

	/**
	 * Numbers an int holds read as themselves, with no error (try69b: each was told the
	 * int's range).
	 */
	@Test
	void numbersAnIntHoldsAreReadWithoutAnError() {
		var fields = new FormFields();
		assertThat(fields.whole("days", "17")).isEqualTo(17);
		assertThat(fields.whole("days", "2147483647")).isEqualTo(Integer.MAX_VALUE);
		assertThat(fields.whole("days", "-2147483648")).isEqualTo(Integer.MIN_VALUE);
		assertThat(fields.hasErrors()).isFalse();
		fields.check(() -> {
		});
	}

	@Test
	void wordsAreStillNoWholeNumber() {
		var fields = new FormFields();
		assertThat(fields.whole("days", "abc")).isNull();
		var refused = catchThrowableOfType(InvalidInputException.class, () -> fields.check(() -> {
		}));
		assertThat(refused.errors()).extracting(InvalidInputException.FieldError::message)
			.containsExactly("must be a whole number");
	}

	private void check(Days days) {
		var broken = this.validator.validate(days);
		if (!broken.isEmpty()) {
			throw new InvalidInputException(broken.stream()
				.map(v -> new InvalidInputException.FieldError(v.getPropertyPath().toString(), v.getMessage()))
				.toList());
		}
	}

}
