package com.trellis.guidance;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import com.trellis.support.Fixtures;
import com.trellis.support.GuidanceRunTest;
import com.trellis.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PAM is told of the stalled deals of the partners in his book, not of every stalled
 * deal in the program (a direct deal of another rep, however long it has sat, is not his
 * to act on).
 */
@GuidanceRunTest
class PamStalledDealsTests {

	@Autowired
	Advisors advisors;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPamIsToldOnlyOfStalledDealsOfPartnersInHisBook() {
		var world = this.fixtures.world("Pam Stalled Book");
		var elsewhere = this.fixtures.world("Pam Stalled Elsewhere");
		enteredDaysAgo(world.dealId(), 60);
		// the oldest stalled deal of the program, of another PAM's partner
		enteredDaysAgo(elsewhere.dealId(), 4000);

		var links = this.advisors.everyone()
			.get(world.pam().userId())
			.stream()
			.filter(a -> a.kind() == Kind.STALLED_DEAL)
			.map(Advice::actionLink)
			.toList();

		assertThat(links).containsExactly("/opportunities/" + world.dealId());
	}

	private void enteredDaysAgo(long dealId, int days) {
		this.jdbc.sql("UPDATE opportunity SET stage_entered_at = ?, created_at = ? WHERE id = ?")
			.params(List.of(Timestamp.from(this.clock.instant().minus(Duration.ofDays(days))),
					Timestamp.from(this.clock.instant().minus(Duration.ofDays(days + 1))), dealId))
			.update();
	}

}
