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

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anIdPastTheRangeOfALongIsToldItsRange() {
		var ex = read("{\"partnerId\": 99999999999999999999, \"size\": 1}");
		assertThat(FieldRefusals.path(ex.getPath())).isEqualTo("partnerId");
		assertThat(FieldRefusals.deliberateRefusal(ex))
			.isEqualTo("is out of range: a whole number from -9223372036854775808 to 9223372036854775807");
	}

	@Test
	void aCountPastTheRangeOfAnIntIsToldItsRange() {
		var ex = read("{\"partnerId\": 1, \"size\": 3000000000}");
		assertThat(FieldRefusals.path(ex.getPath())).isEqualTo("size");
		assertThat(FieldRefusals.deliberateRefusal(ex))
			.isEqualTo("is out of range: a whole number from -2147483648 to 2147483647");
	}

	private JacksonException read(String body) {
		return catchThrowableOfType(JacksonException.class, () -> this.json.readValue(body, Body.class));
	}

}
