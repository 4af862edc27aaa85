package com.trellis.leads;

import java.time.Instant;

import com.trellis.leads.FollowUpDeadline.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpDeadlineTest {

	private static final Instant FRIDAY_3PM = Instant.parse("2026-11-20T15:00:00Z");

	@Test
	void twoBusinessDaysFromFridayAfternoonEndOnTuesdayAfternoon() {
		assertThat(FollowUpDeadline.due(FRIDAY_3PM, 2, true)).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
	}

	@Test
	void aLeadRoutedOnSaturdayStartsCountingOnMonday() {
		assertThat(FollowUpDeadline.due(Instant.parse("2026-11-21T10:00:00Z"), 2, true))
			.isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
	}

	@Test
	void calendarDaysCountTheWeekend() {
		assertThat(FollowUpDeadline.due(FRIDAY_3PM, 2, false)).isEqualTo(Instant.parse("2026-11-22T15:00:00Z"));
	}

	@Test
	void judgesAFollowUpByTheDeadline() {
		var due = Instant.parse("2026-11-24T15:00:00Z");
		assertThat(FollowUpDeadline.judge(due, due, due, false).outcome()).isEqualTo(Outcome.IN_TIME);
		var late = FollowUpDeadline.judge(due, due.plusSeconds(5 * 3600), due.plusSeconds(86400), false);
		assertThat(late.outcome()).isEqualTo(Outcome.LATE);
		assertThat(late.reason()).isEqualTo("followed up 5 h after the deadline");
		assertThat(FollowUpDeadline.judge(due, null, due.plusSeconds(3600), false).outcome())
			.isEqualTo(Outcome.OVERDUE);
		assertThat(FollowUpDeadline.judge(due, null, due.minusSeconds(7200), false).reason())
			.isEqualTo("follow-up due within 2 h");
		assertThat(FollowUpDeadline.judge(null, null, due, false).outcome()).isEqualTo(Outcome.NOT_ROUTED);
		assertThat(FollowUpDeadline.judge(due, null, due.plusSeconds(3600), true).outcome())
			.isEqualTo(Outcome.NOT_NEEDED);
		assertThat(FollowUpDeadline.judge(due, due.plusSeconds(3600), due.plusSeconds(7200), true).outcome())
			.isEqualTo(Outcome.LATE);
	}

}
