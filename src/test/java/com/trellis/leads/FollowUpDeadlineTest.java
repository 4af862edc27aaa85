package com.trellis.leads;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import com.trellis.leads.FollowUpDeadline.Outcome;
import com.trellis.shared.WorkingDays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpDeadlineTest {

	private static final Instant FRIDAY_3PM = Instant.parse("2026-11-20T15:00:00Z");

	private static final WorkingDays UTC_NO_HOLIDAYS = new WorkingDays(ZoneOffset.UTC, Set.of());

	private static final WorkingDays UTC_CHRISTMAS = new WorkingDays(ZoneOffset.UTC,
			Set.of(LocalDate.parse("2026-12-25")));

	@Test
	void twoBusinessDaysFromThursdayBeforeChristmasEndOnTuesdayAfterIt() {
		assertThat(FollowUpDeadline.due(Instant.parse("2026-12-24T11:00:00Z"), 2, true, UTC_CHRISTMAS))
			.isEqualTo(Instant.parse("2026-12-29T11:00:00Z"));
	}

	@Test
	void aLeadRoutedOnAHolidayStartsCountingOnTheNextBusinessDay() {
		assertThat(FollowUpDeadline.due(Instant.parse("2026-12-25T09:00:00Z"), 1, true, UTC_CHRISTMAS))
			.isEqualTo(Instant.parse("2026-12-29T00:00:00Z"));
	}

	@Test
	void businessDaysAreCountedInTheBusinessTimeZone() {
		// Friday 20:00 in New York is Saturday 01:00 UTC: still Friday's business day
		var newYork = new WorkingDays(ZoneId.of("America/New_York"), Set.of());
		assertThat(FollowUpDeadline.due(Instant.parse("2026-11-21T01:00:00Z"), 1, true, newYork))
			.isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
	}

	@Test
	void twoBusinessDaysFromFridayAfternoonEndOnTuesdayAfternoon() {
		assertThat(FollowUpDeadline.due(FRIDAY_3PM, 2, true, UTC_NO_HOLIDAYS))
			.isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
	}

	@Test
	void aLeadRoutedOnSaturdayStartsCountingOnMonday() {
		assertThat(FollowUpDeadline.due(Instant.parse("2026-11-21T10:00:00Z"), 2, true, UTC_NO_HOLIDAYS))
			.isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
	}

	@Test
	void calendarDaysAcrossADaylightSavingChangeEndAtTheSameTimeOnTheVendorsClocks() {
		// Saturday 23:30 in Los Angeles (PST); the clocks go forward early on Sunday 14
		// March
		var losAngeles = new WorkingDays(ZoneId.of("America/Los_Angeles"), Set.of());
		assertThat(FollowUpDeadline.due(Instant.parse("2027-03-14T07:30:00Z"), 3, false, losAngeles))
			.isEqualTo(Instant.parse("2027-03-17T06:30:00Z"));
	}

	@Test
	void calendarDaysCountTheWeekend() {
		assertThat(FollowUpDeadline.due(FRIDAY_3PM, 2, false, UTC_NO_HOLIDAYS))
			.isEqualTo(Instant.parse("2026-11-22T15:00:00Z"));
	}

	@Test
	void judgesAFollowUpByTheDeadline() {
		var due = Instant.parse("2026-11-24T15:00:00Z");
		assertThat(FollowUpDeadline.judge(due, due, due, null).outcome()).isEqualTo(Outcome.IN_TIME);
		var late = FollowUpDeadline.judge(due, due.plusSeconds(5 * 3600), due.plusSeconds(86400), null);
		assertThat(late.outcome()).isEqualTo(Outcome.LATE);
		assertThat(late.reason()).isEqualTo("followed up 5 h after the deadline");
		assertThat(FollowUpDeadline.judge(due, null, due.plusSeconds(3600), null).outcome()).isEqualTo(Outcome.OVERDUE);
		assertThat(FollowUpDeadline.judge(due, null, due.minusSeconds(7200), null).reason())
			.isEqualTo("follow-up due within 2 h");
		assertThat(FollowUpDeadline.judge(null, null, due, null).outcome()).isEqualTo(Outcome.NOT_ROUTED);
		// declined before the deadline without a follow-up: not counted
		assertThat(FollowUpDeadline.judge(due, null, due.plusSeconds(3600), due.minusSeconds(60)).outcome())
			.isEqualTo(Outcome.NOT_NEEDED);
		assertThat(FollowUpDeadline.judge(due, due.plusSeconds(3600), due.plusSeconds(7200), due.plusSeconds(7200))
			.outcome()).isEqualTo(Outcome.LATE);
	}

	@Test
	void aDeclineAfterTheDeadlineWithoutAFollowUpIsAMissedDeadline() {
		var due = Instant.parse("2026-11-24T15:00:00Z");
		var missed = FollowUpDeadline.judge(due, null, due.plusSeconds(86400), due.plusSeconds(5 * 3600));
		assertThat(missed.outcome()).isEqualTo(Outcome.LATE);
		assertThat(missed.reason()).isEqualTo("declined 5 h after the deadline without a follow-up");
	}

}
