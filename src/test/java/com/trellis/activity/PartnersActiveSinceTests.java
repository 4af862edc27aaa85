package com.trellis.activity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's partners active since an instant, read from each partner's latest
 * activity (issue 15), are the distinct partners of the events at or after it, on the
 * demo data, for the program and a partner user, over instants from the newest event back
 * to before the oldest.
 */
@TrellisTest
class PartnersActiveSinceTests {

	@Autowired
	Activity activity;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLatestActivityCountsThePartnersOfTheEventsSince() {
		var admin = this.fixtures.user(Role.ADMIN);
		var newest = instant("SELECT max(occurred_at) FROM activity_event");
		var oldest = instant("SELECT min(occurred_at) FROM activity_event");
		var busiest = this.jdbc
			.sql("SELECT partner_id FROM activity_event GROUP BY partner_id ORDER BY count(*) DESC, partner_id LIMIT 1")
			.query(Long.class)
			.single();
		var partnerUser = this.fixtures.user(Role.PARTNER, busiest, null);
		var some = false;
		for (var since : java.util.List.of(newest, newest.minus(Duration.ofDays(7)), newest.minus(Duration.ofDays(30)),
				newest.minus(Duration.ofDays(90)), oldest, oldest.minusSeconds(1), newest.plusSeconds(1))) {
			long events = distinct(since, null);
			assertThat(this.activity.partnersActiveSince(admin, since)).as("since %s", since).isEqualTo(events);
			assertThat(this.activity.partnersActiveSince(partnerUser, since)).as("partner since %s", since)
				.isEqualTo(distinct(since, busiest));
			some |= events > 1;
		}
		assertThat(some).as("the demo has active partners").isTrue();
	}

	private long distinct(Instant since, Long partner) {
		return this.jdbc.sql("""
				SELECT count(DISTINCT partner_id) FROM activity_event
				WHERE occurred_at >= :since AND (CAST(:partner AS BIGINT) IS NULL OR partner_id = :partner)
				""").param("since", Timestamp.from(since)).param("partner", partner).query(Long.class).single();
	}

	private Instant instant(String sql) {
		return this.jdbc.sql(sql).query(Timestamp.class).single().toInstant();
	}

}
