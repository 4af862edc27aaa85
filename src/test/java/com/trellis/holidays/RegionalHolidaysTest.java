package com.trellis.holidays;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionalHolidaysTest {

	@Test
	void theUnitedStatesKeepChristmasNewYearAndThanksgiving() {
		var us = RegionalHolidays.of("US");
		assertThat(us.of(2026)).containsKeys(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-11-26"),
				LocalDate.parse("2026-01-01"));
		assertThat(us.of(2027)).containsKey(LocalDate.parse("2027-01-01"));
		assertThat(us.of(2026)).doesNotContainKey(LocalDate.parse("2026-12-24"));
	}

	@Test
	void germanyKeepsTheSecondDayOfChristmasAndBavariaEpiphany() {
		assertThat(RegionalHolidays.of("DE").of(2026)).containsKey(LocalDate.parse("2026-12-26"));
		assertThat(RegionalHolidays.of("DE").of(2026)).doesNotContainKey(LocalDate.parse("2026-01-06"));
		assertThat(RegionalHolidays.of("DE-BY").of(2026)).containsKey(LocalDate.parse("2026-01-06"));
	}

	@Test
	void noRegionHasNoHolidaysAndAnUnknownCountryIsRefused() {
		assertThat(RegionalHolidays.of("").of(2026)).isEmpty();
		assertThatThrownBy(() -> RegionalHolidays.of("XX")).hasMessageContaining("XX");
	}

}
