package com.trellis.scoring;

import java.time.LocalDate;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.shared.PageRequest;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The score book says why a score is unknown, as the scorecard does (try71b: a partner
 * read "— — —" on the page, null in the API and empty cells in the CSV).
 */
@TrellisTest
class ScoreBookUnknownTests {

	@Autowired
	ScoreStore store;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUnknownScoreCarriesItsReasonAndAKnownLineNone() {
		var week = LocalDate.of(2001, 1, 1);
		long unknown = this.fixtures.partner("Unknown Book Partner " + System.nanoTime(),
				this.fixtures.user(Role.PAM).userId());
		long known = this.fixtures.partner("Known Book Partner " + System.nanoTime(),
				this.fixtures.user(Role.PAM).userId());
		write(unknown, week, "READINESS", "41.0", null);
		write(unknown, week, "BEHAVIOUR", null, "onboarded 5 days before; scores start 30 days after onboarding");
		write(unknown, week, "TRUST", null, "no closed deal yet");
		for (var pillar : List.of("READINESS", "BEHAVIOUR", "TRUST")) {
			write(known, week, pillar, "50.0", null);
		}
		long young = this.fixtures.partner("Young Book Partner " + System.nanoTime(),
				this.fixtures.user(Role.PAM).userId());
		for (var pillar : List.of("READINESS", "BEHAVIOUR", "TRUST")) {
			write(young, week, pillar, null, "onboarded 3 days before; scores start 30 days after onboarding");
		}
		var lines = this.store.current(List.of(unknown, known, young), "partner", PageRequest.listed(0, 10), week)
			.lines();
		assertThat(lines).extracting(ScoreLine::unknownReason)
			.containsExactly(
					"behaviour: onboarded 5 days before; scores start 30 days after onboarding; trust: no closed deal yet",
					null, "onboarded 3 days before; scores start 30 days after onboarding");
	}

	private void write(long partner, LocalDate week, String pillar, String score, String reason) {
		this.jdbc
			.sql("""
					INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, unknown_reason,
					                                computed_at)
					VALUES (:partner, :week, 'FY01-W01', :week, :pillar, CAST(:score AS NUMERIC), :reason, now())
					""")
			.param("partner", partner)
			.param("week", week)
			.param("pillar", pillar)
			.param("score", score)
			.param("reason", reason)
			.update();
	}

}
