package com.trellis.cohorts;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly journey placement is a job that reads every partner's activity, deals and
 * attachments: on a large program that read takes longer than a request may (the large
 * demo's start-up failed on it after 60 s), so it must not be cut short by the
 * request-sized query timeout.
 */
@TrellisTest
class JourneyPlacementJobTests {

	@Autowired
	CohortRuns runs;

	@Autowired
	JdbcTemplate template;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void placingTheWeekOutlastsTheRequestQueryTimeout() throws Exception {
		int timeout = this.template.getQueryTimeout();
		var locked = new CountDownLatch(1);
		// another transaction holds the activity table for longer than the (shortened)
		// request timeout, as a long read would take
		var holder = CompletableFuture.runAsync(() -> {
			try (var connection = this.dataSource.getConnection(); var statement = connection.createStatement()) {
				connection.setAutoCommit(false);
				statement.execute("LOCK TABLE activity_event IN ACCESS EXCLUSIVE MODE");
				locked.countDown();
				Thread.sleep(2_500);
				connection.commit();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		try {
			assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
			this.template.setQueryTimeout(1);
			this.jdbc.sql("DELETE FROM journey_placement").update();
			this.runs.placeWeek();
		}
		finally {
			this.template.setQueryTimeout(timeout);
			holder.get(30, TimeUnit.SECONDS);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM journey_placement").query(Long.class).single())
			.as("partners placed on the journey")
			.isPositive();
	}

}
