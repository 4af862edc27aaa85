package com.trellis.shared;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body's unreadable fields are all noted, whatever kind each is and in whatever order,
 * and the rest is read again with its numbers as they were sent.
 */
class UnreadableBodyTest {

	record Body(String name, BigDecimal amount, Long ownerId, Integer count) {
	}

	private final JsonMapper json = JsonMapper.builder()
		.addModule(new PlainDecimals().plainDecimalsModule())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	@Test
	void anUnknownPropertyAndNumbersOutOfRangeAreNotedWithTheOthers() {
		var read = read(
				"{\"unknownThing\": 1, \"amount\": \"abc\", \"ownerId\": 99999999999999999999, \"count\": 3000000000}");
		assertThat(read.errors()).extracting(InvalidInputException.FieldError::field)
			.containsExactlyInAnyOrder("unknownThing", "amount", "ownerId", "count");
		assertThat(read.errors()).extracting(InvalidInputException.FieldError::message)
			.contains(FieldRefusals.UNKNOWN, "is out of range: a whole number from -2147483648 to 2147483647");
	}

	@Test
	void numbersAreReadAgainAsSent() {
		var read = read("{\"count\": \"many\", \"amount\": 1e400, \"name\": \"x\"}");
		assertThat(read.errors()).extracting(InvalidInputException.FieldError::field)
			.containsExactly("count", "amount");
		assertThat(read.errors().get(1).message()).isEqualTo(PlainDecimals.EXPONENT_TEXT);
		assertThat(new String(read.body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"x\"}");

		var exact = read("{\"count\": \"many\", \"amount\": 1234.5600}");
		assertThat(new String(exact.body(), StandardCharsets.UTF_8)).isEqualTo("{\"amount\":1234.5600}");
	}

	@Test
	void aBodyThatIsNotJsonIsLeftToTheConverter() {
		assertThat(read("{\"amount\": 12abc}")).isNull();
		assertThat(read("[{\"name\": \"a\", \"name\": \"b\"}]")).isNull();
		assertThat(read("{\"name\": \"fine\"}")).isNull();
	}

	@Test
	void repeatedPropertiesAreNotedWithTheOthersAndNoneOfTheirValuesIsKept() {
		var read = read("{\"name\": \"a\", \"amount\": \"abc\", \"name\": \"b\", \"count\": 1, \"count\": 2,"
				+ " \"count\": 3, \"ownerId\": 7}");
		assertThat(read.errors()).extracting(InvalidInputException.FieldError::field)
			.containsExactly("name", "count", "amount");
		assertThat(read.errors()).extracting(InvalidInputException.FieldError::message)
			.startsWith(FieldRefusals.REPEATED, FieldRefusals.REPEATED);
		assertThat(new String(read.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ownerId\":7}");

		var alone = read("{\"name\": \"a\", \"name\": \"a\", \"amount\": 1.50}");
		assertThat(alone.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("name");
		assertThat(new String(alone.body(), StandardCharsets.UTF_8)).isEqualTo("{\"amount\":1.50}");
	}

	private UnreadableBody.Read read(String body) {
		return UnreadableBody.without(this.json, this.json.readerFor(Body.class), body.getBytes(StandardCharsets.UTF_8),
				null, null);
	}

}
