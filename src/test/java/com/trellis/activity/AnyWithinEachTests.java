package com.trellis.activity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner enablement page's "applied" signals read for every completion day at once
 * (issue 15) answer each window as the one-window statement they replaced does, on the
 * demo data: windows around the busiest partner's events (the one at the start of a
 * window counts, one at its end does not), empty ones, and windows before any event.
 */
@TrellisTest
class AnyWithinEachTests {

	private static final List<String> SIGNALS = List.of("PLAY_USED", "OTHER_PLAY_USED", "DEAL_REGISTERED", "DEAL_WON");

	@Autowired
	Activity activity;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyWindowIsAnsweredAsTheOneWindowStatementAnswersIt() {
		long partner = this.jdbc
			.sql("SELECT partner_id FROM activity_event GROUP BY partner_id ORDER BY count(*) DESC, partner_id LIMIT 1")
			.query(Long.class)
			.single();
		var events = this.jdbc.sql(
				"SELECT occurred_at FROM activity_event WHERE partner_id = :partner AND type IN (:types) ORDER BY occurred_at LIMIT 20")
			.param("partner", partner)
			.param("types", SIGNALS)
			.query(Timestamp.class)
			.list()
			.stream()
			.map(Timestamp::toInstant)
			.toList();
		assertThat(events).as("the demo's signals of the busiest partner").isNotEmpty();
		var froms = new ArrayList<Instant>();
		var tos = new ArrayList<Instant>();
		for (var at : events) {
			window(froms, tos, at, at.plusSeconds(1));
			window(froms, tos, at.minus(Duration.ofDays(60)), at);
			window(froms, tos, at.plusNanos(1000), at.plus(Duration.ofDays(1)));
			window(froms, tos, at.minus(Duration.ofDays(3)), at.plus(Duration.ofDays(57)));
		}
		window(froms, tos, events.get(0).minus(Duration.ofDays(400)), events.get(0).minus(Duration.ofDays(340)));
		var each = this.activity.anyWithinEach(partner, SIGNALS, froms, tos);
		assertThat(each).hasSize(froms.size());
		int yes = 0;
		for (int i = 0; i < froms.size(); i++) {
			boolean one = this.activity.anyWithin(partner, SIGNALS, froms.get(i), tos.get(i));
			assertThat(each.get(i)).as("window %s to %s", froms.get(i), tos.get(i)).isEqualTo(one);
			yes += one ? 1 : 0;
		}
		assertThat(yes).as("windows with a signal").isPositive().isLessThan(froms.size());
		assertThat(this.activity.anyWithinEach(partner, SIGNALS, List.of(), List.of())).isEmpty();
	}

	private static void window(List<Instant> froms, List<Instant> tos, Instant from, Instant to) {
		froms.add(from);
		tos.add(to);
	}

}
