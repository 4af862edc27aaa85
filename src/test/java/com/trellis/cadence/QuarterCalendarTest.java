package com.trellis.cadence;

import java.time.LocalDate;
import java.time.Month;
import java.util.Set;

import com.trellis.shared.FiscalQuarter;
import com.trellis.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuarterCalendarTest {

	private final QuarterCalendar q4 = quarter("2026-Q4", Set.of());

	@Test
	void weeksStartOnTheQuartersFirstDayAndWeekThirteenRunsToItsEnd() {
		assertThat(this.q4.weekStart(1)).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(this.q4.weekStart(8)).isEqualTo(LocalDate.of(2026, 11, 19));
		assertThat(this.q4.weekStart(13)).isEqualTo(LocalDate.of(2026, 12, 24));
		assertThat(this.q4.weekEnd(13)).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(this.q4.weekOf(LocalDate.of(2026, 11, 22))).isEqualTo(8);
		assertThat(this.q4.weekOf(LocalDate.of(2026, 12, 31))).isEqualTo(13);
	}

	@Test
	void aMeetingFallsOnTheWeeksFirstWorkingDay() {
		// Q3 2028 starts on Saturday 1 July: its first meeting is on Monday 3 July
		assertThat(quarter("2028-Q3", Set.of()).meetingDay(1)).isEqualTo(LocalDate.of(2028, 7, 3));
		assertThat(this.q4.meetingDay(1)).isEqualTo(LocalDate.of(2026, 10, 1));
	}

	@Test
	void theQuarterHasTwentyTwoMeetingsInTheirWeeks() {
		var slots = this.q4.slots();
		assertThat(slots).hasSize(22);
		assertThat(slots.stream().filter(s -> s.meeting() == Meeting.CEO_CFO_ROLLUP).map(QuarterCalendar.Slot::week))
			.containsExactly(1, 5, 9);
		assertThat(slots.stream().filter(s -> s.meeting() == Meeting.BUSINESS_REVIEW).map(QuarterCalendar.Slot::week))
			.containsExactly(8, 13);
		assertThat(slots.stream().filter(s -> s.meeting() == Meeting.ELT_REVIEW).map(QuarterCalendar.Slot::week))
			.containsExactly(10);
		assertThat(slots.stream().filter(s -> s.meeting() == Meeting.PIPELINE_PLANNING).map(QuarterCalendar.Slot::week))
			.containsExactly(3);
	}

	@Test
	void refusesMalformedQuartersAndWeeks() {
		assertThatThrownBy(() -> quarter("2026-Q5", Set.of())).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("quarter");
		assertThatThrownBy(() -> this.q4.weekStart(14)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("week");
		assertThat(this.q4.next().label()).isEqualTo("2027-Q1");
		assertThat(this.q4.previous().label()).isEqualTo("2026-Q3");
	}

	@Test
	void theWeekOneMeetingOfAQuarterStartingOnNewYearsDayMovesToTheNextBusinessDay() {
		var q1 = quarter("2027-Q1", Set.of(LocalDate.of(2027, 1, 1)));
		assertThat(q1.meetingDay(1)).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(q1.slots().get(0).day()).isEqualTo(LocalDate.of(2027, 1, 4));
	}

	@Test
	void aMeetingWeekStartingOnAHolidayMeetsTheNextBusinessDay() {
		// week 9 of 2026-Q4 starts on Thursday 26 November, Thanksgiving in the US
		var q4 = quarter("2026-Q4", Set.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27)));
		assertThat(q4.meetingDay(9)).isEqualTo(LocalDate.of(2026, 11, 30));
	}

	@Test
	void aFiscalYearStartingInFebruaryHasItsFirstWeekInFebruary() {
		var q1 = QuarterCalendar.of(FiscalQuarter.parse("FY2027-Q1", Month.FEBRUARY, "quarter"), Set.of());
		assertThat(q1.weekStart(1)).isEqualTo(LocalDate.of(2026, 2, 1));
		assertThat(q1.meetingDay(1)).isEqualTo(LocalDate.of(2026, 2, 2));
		assertThat(q1.end()).isEqualTo(LocalDate.of(2026, 5, 1));
	}

	private static QuarterCalendar quarter(String label, Set<LocalDate> holidays) {
		return QuarterCalendar.of(FiscalQuarter.parse(label, Month.JANUARY, "quarter"), holidays);
	}

}
