package com.trellis.cohorts;

import java.util.HashSet;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cohorts page's window of the last {@code weeks} fiscal weeks holds that many weeks
 * (try45: fiscal weeks start with their quarter, so a quarter's last week may be longer
 * than seven days, and a window stepped back by seven days from a later quarter left that
 * week out: 12 weeks charted of the default 13, 11 of 12).
 */
@TrellisTest
class CohortWeeksTests {

	@Autowired
	Cohorts cohorts;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theWindowOfNWeeksHoldsNFiscalWeeks() {
		var today = this.calendar.today();
		for (int n = 1; n <= Cohorts.MAX_WEEKS; n++) {
			var since = this.cohorts.since(n);
			var weeks = new HashSet<String>();
			for (var day = since; !day.isAfter(today); day = day.plusDays(1)) {
				var quarter = this.calendar.quarterOf(day);
				weeks.add(quarter.label() + " W" + quarter.weekOf(day));
			}
			assertThat(weeks).as("fiscal weeks from %s to %s", since, today).hasSize(n);
			var first = this.calendar.quarterOf(since);
			assertThat(first.weekStart(first.weekOf(since))).as("a week's first day").isEqualTo(since);
		}
	}

	/**
	 * A partner who joined a cohort on the last day of a quarter's last week (eight days
	 * long) is a member at that week's end: the journey counted members at the week's
	 * start plus seven days, at midnight in the database session's zone, and left them
	 * out.
	 */
	@Test
	void aMemberWhoJoinedOnTheLastDayOfAQuartersLongLastWeekIsInItsJourney() {
		var quarter = this.calendar.currentQuarter().previous();
		var lastWeek = quarter.weekStart(com.trellis.shared.FiscalQuarter.WEEKS);
		var lastDay = quarter.end().minusDays(1);
		assertThat(lastDay).as("the quarter's last week is longer than seven days").isAfter(lastWeek.plusDays(6));
		long partner = this.jdbc
			.sql("SELECT min(partner_id) FROM journey_placement WHERE week_start = :week AND cohort_id = 0")
			.param("week", java.sql.Date.valueOf(lastWeek))
			.query(Long.class)
			.single();
		long cohort = this.jdbc.sql("""
				INSERT INTO cohort (name, kind, basis, created_at) VALUES ('Joined late', 'MANUAL', 'weeks test', :at)
				RETURNING id""")
			.param("at", java.sql.Timestamp.from(this.calendar.startOf(quarter.start())))
			.query(Long.class)
			.single();
		try {
			this.jdbc.sql("""
					INSERT INTO cohort_membership (cohort_id, partner_id, valid_from, reason)
					VALUES (:cohort, :partner, :from, 'weeks test')""")
				.param("cohort", cohort)
				.param("partner", partner)
				.param("from",
						java.sql.Timestamp.from(this.calendar.startOf(lastDay).plus(java.time.Duration.ofHours(12))))
				.update();
			var admin = new Viewer(0, "admin", Role.ADMIN, null);
			var weeks = this.cohorts.journey(admin, 13).stream().filter(w -> w.cohortId() == cohort).toList();
			assertThat(weeks).filteredOn(w -> w.weekStart().equals(lastWeek))
				.singleElement()
				.satisfies(w -> assertThat(w.awareness() + w.activation() + w.acceleration()).isEqualTo(1));
			assertThat(weeks).noneMatch(w -> w.weekStart().isBefore(lastWeek));
		}
		finally {
			this.jdbc.sql("DELETE FROM cohort_membership WHERE cohort_id = :c").param("c", cohort).update();
			this.jdbc.sql("DELETE FROM cohort WHERE id = :c").param("c", cohort).update();
		}
	}

	@Test
	void theDefaultChartHoldsThirteenWeeksOfTheDemosHistory() {
		var admin = new Viewer(0, "admin", Role.ADMIN, null);
		var shown = this.cohorts.metrics(admin, null).stream().map(CohortMetricWeek::fiscalWeek).distinct().count();
		assertThat(shown).isEqualTo(13);
		var journey = this.cohorts.journey(admin, 13).stream().map(CohortWeek::fiscalWeek).distinct().count();
		assertThat(journey).isEqualTo(13);
	}

}
