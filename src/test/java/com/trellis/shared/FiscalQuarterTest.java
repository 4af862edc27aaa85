package com.trellis.shared;

import java.time.LocalDate;
import java.time.Month;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiscalQuarterTest {

	@Test
	void withAJanuaryStartQuartersAreCalendarQuartersLabelledByYear() {
		var q = FiscalQuarter.containing(LocalDate.parse("2026-11-19"), Month.JANUARY);
		assertThat(q.label()).isEqualTo("2026-Q4");
		assertThat(q.start()).isEqualTo(LocalDate.parse("2026-10-01"));
		assertThat(q.end()).isEqualTo(LocalDate.parse("2027-01-01"));
		assertThat(q.next().label()).isEqualTo("2027-Q1");
	}

	@Test
	void withAFebruaryStartQ1BeginsOnTheFirstOfFebruaryAndTheYearIsNamedByItsEnd() {
		var q1 = FiscalQuarter.containing(LocalDate.parse("2026-02-01"), Month.FEBRUARY);
		assertThat(q1.label()).isEqualTo("FY2027-Q1");
		assertThat(q1.start()).isEqualTo(LocalDate.parse("2026-02-01"));
		var q4 = FiscalQuarter.containing(LocalDate.parse("2027-01-31"), Month.FEBRUARY);
		assertThat(q4.label()).isEqualTo("FY2027-Q4");
		assertThat(q4.start()).isEqualTo(LocalDate.parse("2026-11-01"));
		assertThat(q4.end()).isEqualTo(LocalDate.parse("2027-02-01"));
		assertThat(FiscalQuarter.containing(LocalDate.parse("2026-01-31"), Month.FEBRUARY).label())
			.isEqualTo("FY2026-Q4");
	}

	@Test
	void aLabelNamesTheSameQuarterBack() {
		assertThat(FiscalQuarter.parse("FY2027-Q1", Month.FEBRUARY, "quarter").start())
			.isEqualTo(LocalDate.parse("2026-02-01"));
		assertThat(FiscalQuarter.parse("2026-Q4", Month.JANUARY, "quarter").start())
			.isEqualTo(LocalDate.parse("2026-10-01"));
		assertThatThrownBy(() -> FiscalQuarter.parse("2026-Q5", Month.JANUARY, "quarter"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("quarter");
	}

	@Test
	void weeksAreCountedFromTheQuartersFirstDayAndTheLastRunsToItsEnd() {
		var q = FiscalQuarter.containing(LocalDate.parse("2026-10-01"), Month.JANUARY);
		assertThat(q.weekOf(LocalDate.parse("2026-10-01"))).isEqualTo(1);
		assertThat(q.weekOf(LocalDate.parse("2026-11-30"))).isEqualTo(9);
		assertThat(q.weekOf(LocalDate.parse("2026-12-31"))).isEqualTo(13);
		assertThat(q.weekStart(9)).isEqualTo(LocalDate.parse("2026-11-26"));
	}

	@Test
	void aLabelIsReadByTheRuleThatWritesIt() {
		assertThat(FiscalQuarter.parse("2026-Q4", Month.JANUARY, "quarter").start())
			.isEqualTo(LocalDate.parse("2026-10-01"));
		assertThat(FiscalQuarter.parse("FY2026-Q4", Month.JANUARY, "quarter").label()).isEqualTo("2026-Q4");
		assertThat(FiscalQuarter.parse("FY2027-Q4", Month.FEBRUARY, "quarter").start())
			.isEqualTo(LocalDate.parse("2026-11-01"));
	}

	@Test
	void withAFebruaryStartALabelWithoutFyIsAmbiguousAndAFifthQuarterDoesNotExist() {
		for (var label : java.util.List.of("2026-Q4", "FY2027-Q9", "FY2027-Q0", "2026-4")) {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> FiscalQuarter.parse(label, Month.FEBRUARY, "cohort"))
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("cohort"));
		}
	}

}
