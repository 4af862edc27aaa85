package com.trellis.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderChoiceTest {

	@Test
	void anOfferedLocaleAndARegionZoneAreKeptAndEmptyMeansTheProgramsWay() {
		assertThat(ReaderChoice.check("de-DE", "Europe/Berlin")).isEmpty();
		assertThat(ReaderChoice.check("", null)).isEmpty();
		assertThat(ReaderChoice.check(null, "UTC")).isEmpty();
	}

	@Test
	void anUnknownLocaleOrZoneIsRefusedNamingItsFieldAndWhatWouldDo() {
		var errors = ReaderChoice.check("klingon", "Europe/Atlantis");
		assertThat(errors).extracting(e -> e.field()).containsExactly("locale", "timeZone");
		assertThat(errors.get(0).message()).contains("en-US");
		assertThat(errors.get(1).message()).contains("Europe/Berlin");
		// an offset or a legacy alias is no place people live in
		assertThat(ReaderChoice.check(null, "GMT+3")).extracting(e -> e.field()).containsExactly("timeZone");
		assertThat(ReaderChoice.check("x".repeat(99), "y".repeat(99)))
			.allSatisfy(e -> assertThat(e.message()).contains("longer than"));
	}

}
