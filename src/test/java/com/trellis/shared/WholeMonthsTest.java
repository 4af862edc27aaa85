package com.trellis.shared;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A period's whole months and the days outside them: together they cover each of the
 * period's days once, as plain ranges.
 */
class WholeMonthsTest {

	private static LocalDate d(String day) {
		return LocalDate.parse(day);
	}

	@Test
	void aQuarterSoFarIsItsWholeMonthsAndTheDaysOfTheMonthUnderWay() {
		var months = WholeMonths.within(d("2026-10-01"), d("2026-12-08"));
		assertThat(months).isEqualTo(new WholeMonths(d("2026-10-01"), d("2026-12-01")));
		assertThat(months.daysOutside(d("2026-10-01"), d("2026-12-08")))
			.containsExactly(new WholeMonths.Days(d("2026-12-01"), d("2026-12-08")));
	}

	@Test
	void aPeriodStartingAndEndingInsideMonthsHasTwoRangesOfDays() {
		var months = WholeMonths.within(d("2026-09-20"), d("2026-12-05"));
		assertThat(months).isEqualTo(new WholeMonths(d("2026-10-01"), d("2026-12-01")));
		assertThat(months.daysOutside(d("2026-09-20"), d("2026-12-05"))).containsExactly(
				new WholeMonths.Days(d("2026-09-20"), d("2026-10-01")),
				new WholeMonths.Days(d("2026-12-01"), d("2026-12-05")));
	}

	@Test
	void wholeMonthsOnlyHaveNoDaysOutside() {
		var months = WholeMonths.within(d("2026-10-01"), d("2027-01-01"));
		assertThat(months.isEmpty()).isFalse();
		assertThat(months.daysOutside(d("2026-10-01"), d("2027-01-01"))).isEmpty();
	}

	@Test
	void withoutAWholeMonthThePeriodIsOneRangeOfDaysEvenWhenItHasNoDay() {
		var months = WholeMonths.within(d("2026-10-15"), d("2026-11-10"));
		assertThat(months.isEmpty()).isTrue();
		assertThat(months.daysOutside(d("2026-10-15"), d("2026-11-10")))
			.containsExactly(new WholeMonths.Days(d("2026-10-15"), d("2026-11-10")));
		assertThat(WholeMonths.within(d("2026-10-15"), d("2026-10-15")).daysOutside(d("2026-10-15"), d("2026-10-15")))
			.containsExactly(new WholeMonths.Days(d("2026-10-15"), d("2026-10-15")));
	}

	@Test
	void theRangesAreNamedParametersByTheirPlace() {
		var parameters = WholeMonths.dayParameters(List.of(new WholeMonths.Days(d("2026-09-20"), d("2026-10-01")),
				new WholeMonths.Days(d("2026-12-01"), d("2026-12-05"))));
		assertThat(parameters).containsEntry("dayFrom0", java.sql.Date.valueOf("2026-09-20"))
			.containsEntry("dayUntil0", java.sql.Date.valueOf("2026-10-01"))
			.containsEntry("dayFrom1", java.sql.Date.valueOf("2026-12-01"))
			.containsEntry("dayUntil1", java.sql.Date.valueOf("2026-12-05"))
			.hasSize(4);
	}

}
