package com.trellis.cohorts;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program's first cohorts show on the Cohorts page the day they are made, although the
 * page's figures were stored earlier that day (found on a first start of the large demo:
 * the morning's run stored figures of no cohort before the start-up's first split made
 * 1,562, and the page read nothing stored for a PAM's book until the next day, computing
 * it per request, 8.7 s). A database of its own, no demo: the start-up stored figures of
 * no cohort; partners come, the start-up run again splits them, and the stored figures
 * hold the new cohort, for the program and for the PAM's book.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.scoring.daily-cron=-" })
class CohortFirstSplitFiguresTests {

	@Autowired
	CohortJobs jobs;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFirstSplitsCohortsAreStoredTheDayItIsMadeAfterTheDaysFiguresWere() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM cohort").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM stored_page_figures WHERE name = :name")
			.param("name", CohortFigures.NAME)
			.query(Long.class)
			.single()).as("stored today by the start-up, with no cohort").isPositive();
		var pam = this.fixtures.user(Role.PAM);
		for (int i = 0; i < 3; i++) {
			this.fixtures.partner("First split partner " + i, pam.userId());
		}
		this.jobs.startUp();
		long cohort = this.jdbc.sql("SELECT id FROM cohort").query(Long.class).single();
		for (long scope : new long[] { 0, pam.userId() }) {
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM cohort_metric_week_kept WHERE scope = :scope AND cohort_id = :cohort")
				.param("scope", scope)
				.param("cohort", cohort)
				.query(Long.class)
				.single()).as("weeks of the first cohort stored for scope " + scope).isPositive();
		}
	}

}
