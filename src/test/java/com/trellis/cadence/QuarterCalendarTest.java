package com.trellis.cadence;

import java.time.LocalDate;

import com.trellis.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuarterCalendarTest {

	private final QuarterCalendar q4 = QuarterCalendar.of("2026-Q4");

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
		assertThat(QuarterCalendar.of("2028-Q3").meetingDay(1)).isEqualTo(LocalDate.of(2028, 7, 3));
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
		assertThatThrownBy(() -> QuarterCalendar.of("2026-Q5")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("quarter");
		assertThatThrownBy(() -> this.q4.weekStart(14)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("week");
		assertThat(this.q4.next().label()).isEqualTo("2027-Q1");
		assertThat(this.q4.previous().label()).isEqualTo("2026-Q3");
	}

}
