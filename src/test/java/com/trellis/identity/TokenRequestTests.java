package com.trellis.identity;

import java.time.Instant;
import java.time.ZoneOffset;

import com.trellis.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TokenRequestTests {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	@Test
	void noExpiryMeansTheTokenDoesNotExpireAndABlankNameGetsTheDefault() {
		var checked = new TokenRequest(" ", "", null).check(NOW, ZoneOffset.UTC, 365);

		assertThat(checked.name()).isEqualTo("API token");
		assertThat(checked.expiresAt()).isNull();
	}

	@Test
	void daysCountFromNowAndADateIsValidThroughItsLastDayInAUtcBusinessZone() {
		assertThat(new TokenRequest("ci", "30", "").check(NOW, ZoneOffset.UTC, 365).expiresAt())
			.isEqualTo(Instant.parse("2026-12-22T12:00:00Z"));
		assertThat(new TokenRequest("ci", "", "2026-11-27").check(NOW, ZoneOffset.UTC, 365).expiresAt())
			.isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
		// today is a last valid day too: until it ends (try72)
		assertThat(new TokenRequest("ci", "", "2026-11-22").check(NOW, ZoneOffset.UTC, 365).expiresAt())
			.isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
	}

	@Test
	void anExpiryOutsideOneDayToTheMaximumIsRefusedNamingItsField() {
		assertThat(fieldOf(new TokenRequest("ci", "0", ""))).isEqualTo("expiresInDays");
		assertThat(fieldOf(new TokenRequest("ci", "366", ""))).isEqualTo("expiresInDays");
		assertThat(fieldOf(new TokenRequest("ci", "1e3", ""))).isEqualTo("expiresInDays");
		assertThat(fieldOf(new TokenRequest("ci", "", "2026-11-21"))).isEqualTo("expiresOn");
		assertThat(fieldOf(new TokenRequest("ci", "", "2027-11-23"))).isEqualTo("expiresOn");
		assertThat(fieldOf(new TokenRequest("ci", "", "+10000-01-01"))).isEqualTo("expiresOn");
		assertThat(fieldOf(new TokenRequest("ci", "3", "2026-12-01"))).isEqualTo("expiresOn");
	}

	@Test
	void aNameTooLongOrWithControlCharactersIsRefused() {
		assertThat(fieldOf(new TokenRequest("x".repeat(61), "", ""))).isEqualTo("name");
		assertThat(fieldOf(new TokenRequest("a\u0000b", "", ""))).isEqualTo("name");
		assertThat(fieldOf(new TokenRequest("a\u202Eb", "", ""))).isEqualTo("name");
		assertThat(new TokenRequest("x".repeat(60), "", "").check(NOW, ZoneOffset.UTC, 365).name()).hasSize(60);
	}

	@Test
	void theLastValidDayIsADayInTheBusinessZone() {
		var auckland = java.time.ZoneId.of("Pacific/Auckland");
		// NOW is already 23 November in Auckland
		assertThat(new TokenRequest("ci", "", "2026-11-27").check(NOW, auckland, 365).expiresAt())
			.isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
		assertThat(catchThrowableOfType(InvalidInputException.class,
				() -> new TokenRequest("ci", "", "2026-11-22").check(NOW, auckland, 365)))
			.isNotNull();
	}

	private static String fieldOf(TokenRequest request) {
		var error = catchThrowableOfType(InvalidInputException.class, () -> request.check(NOW, ZoneOffset.UTC, 365));
		assertThat(error).as("%s is refused", request).isNotNull();
		return error.errors().get(0).field();
	}

}
