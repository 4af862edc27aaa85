package com.trellis.shared;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A whole number too large for its field (an id past the range of a long, a count past an
 * int) is told its range, not "is missing, malformed or not one of the allowed values"
 * (try27: {@code "partnerId": 99999999999999999999} on a deal).
 */
class OutOfRangeNumberTests {

	record Body(Long partnerId, int size) {
	}

	record Bounded(@jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(730) Integer days,
			int size) {
	}

	private final JsonMapper json = JsonMapper.builder().build();

	private final WholeNumberBounds bounds = new WholeNumberBounds(
			jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator());

	@Test
	void anIdPastTheRangeOfALongIsToldItsRange() {
		var ex = read("{\"partnerId\": 99999999999999999999, \"size\": 1}");
		assertThat(FieldRefusals.path(ex.getPath())).isEqualTo("partnerId");
		assertThat(FieldRefusals.deliberateRefusal(ex, null))
			.isEqualTo("is out of range: a whole number from -9223372036854775808 to 9223372036854775807");
	}

	@Test
	void aCountPastTheRangeOfAnIntIsToldItsRange() {
		var ex = read("{\"partnerId\": 1, \"size\": 3000000000}");
		assertThat(FieldRefusals.path(ex.getPath())).isEqualTo("size");
		assertThat(FieldRefusals.deliberateRefusal(ex, null))
			.isEqualTo("is out of range: a whole number from -2147483648 to 2147483647");
	}

	/**
	 * A field with bounds of its own is told the bound the number breaks, as a number
	 * that fits would be; one without keeps its type's range (try68b).
	 */
	@Test
	void aNumberPastItsTypeInAFieldWithBoundsIsToldTheBound() {
		assertThat(FieldRefusals.message(read("{\"days\": 99999999999, \"size\": 1}", Bounded.class), this.bounds))
			.isEqualTo("must be less than or equal to 730");
		assertThat(FieldRefusals.message(read("{\"days\": -99999999999, \"size\": 1}", Bounded.class), this.bounds))
			.isEqualTo("must be greater than or equal to 1");
		assertThat(FieldRefusals.message(read("{\"days\": 5, \"size\": 3000000000}", Bounded.class), this.bounds))
			.isEqualTo("is out of range: a whole number from -2147483648 to 2147483647");
	}

	private JacksonException read(String body) {
		return read(body, Body.class);
	}

	private JacksonException read(String body, Class<?> type) {
		return catchThrowableOfType(JacksonException.class, () -> this.json.readValue(body, type));
	}

}
