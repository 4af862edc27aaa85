package com.trellis.roi;

import java.time.Clock;
import java.time.LocalDate;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program's ROI page statement ({@link RoiProgramPageSql#PAGE}) is planned once per
 * database session, not per request (issue 15, roi31, {@link PlannedOnce}): read for two
 * quarters in one transaction (one connection), it is a statement prepared on the server
 * whose plan is the generic one both times ({@code pg_prepared_statements}: two more
 * generic plans, no custom plan), the plan cache's mode is the default again after each
 * read, and the figures equal those of the statement over every partner's cost
 * ({@link RoiPageSqlKept}), read the usual way. A PAM's page is read the usual way.
 */
@TrellisTest
class RoiPagePlannedOnceTests {

	private static final String PLANS = """
			SELECT coalesce(sum(generic_plans), 0) || ' ' || coalesce(sum(custom_plans), 0)
			FROM pg_prepared_statements WHERE statement LIKE '%fixed AS MATERIALIZED%' AND NOT from_sql
			""";

	@Autowired
	RoiPageRepository pages;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theProgramPageIsPlannedOnceForAnyQuarterWithTheSameFigures() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			status.setRollbackOnly();
			var before = plans();
			var current = this.calendar.currentQuarter();
			for (var quarter : new FiscalQuarter[] { current, current.previous() }) {
				var window = window(new RoiScope(null, null, null), quarter);
				var page = this.pages.page(window, window.until(), window.tierDay(), Roi.LISTED, Roi.REINVESTED);
				assertThat(this.jdbc.sql("SELECT current_setting('plan_cache_mode')").query(String.class).single())
					.as("plan cache mode after the read")
					.isEqualTo("auto");
				assertThat(page).as("program page " + quarter.label())
					.isEqualTo(this.pages.page(RoiPageSqlKept.PAGE, window, window.until(), window.tierDay(),
							Roi.LISTED, Roi.REINVESTED));
			}
			assertThat(String.join(" ", plans()[0] + "", plans()[1] + ""))
				.as("generic and custom plans of the program's page statement")
				.isEqualTo((before[0] + 2) + " " + before[1]);
			long pam = this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE owner_pam_id IS NOT NULL LIMIT 1")
				.query(Long.class)
				.single();
			var book = window(new RoiScope(null, pam, null), current);
			assertThat(this.pages.page(book, book.until(), book.tierDay(), Roi.LISTED, Roi.REINVESTED).tiers())
				.as("a PAM's page")
				.isNotEmpty();
			assertThat(String.join(" ", plans()[0] + "", plans()[1] + "")).as("plans after a PAM's page")
				.isEqualTo((before[0] + 2) + " " + before[1]);
		});
	}

	private long[] plans() {
		var text = this.jdbc.sql(PLANS).query(String.class).single().split(" ");
		return new long[] { Long.parseLong(text[0]), Long.parseLong(text[1]) };
	}

	private RoiPageRepository.Window window(RoiScope scope, FiscalQuarter quarter) {
		var zone = this.calendar.zone();
		var now = this.clock.instant();
		var today = this.calendar.today();
		var start = quarter.start().atStartOfDay(zone).toInstant();
		var end = quarter.end().atStartOfDay(zone).toInstant();
		LocalDate lastDay = quarter.end().isAfter(today) ? today : quarter.end().minusDays(1);
		return new RoiPageRepository.Window(scope, quarter, start, end, lastDay, end.isAfter(now) ? now : end);
	}

}
