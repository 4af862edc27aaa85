package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "What moved it since last week" on a scorecard whose weights were learned afresh: the
 * base points move with the weights, and the moves shown add up to the score's change.
 */
@TrellisTest
class ScorecardMovesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartnerScores scores;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void theBasePointsMoveIsShownSoTheMovesAddUpToTheScoresChangeWhenTheWeightsWereLearnedAgain() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Relearned Weights Ltd", pam.userId());
		var thisWeek = this.scores.weekStart(this.calendar.today());
		var lastWeek = this.scores.weekStart(thisWeek.minusDays(1));
		var signals = Rubric.standard().of(Pillar.TRUST).stream().map(e -> e.signal().key()).toList();
		store(partner, lastWeek, "96.3", "36.2", signals, List.of("15.0", "20.0", "6.0", "19.1"));
		store(partner, thisWeek, "96.2", "35.1", signals, List.of("15.5", "19.6", "7.1", "18.9"));
		var api = new Api(this.mvc, this.fixtures.token(pam));
		var body = api.get("/api/v1/partners/" + partner + "/scores")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var trust = new JsonMapper().readTree(body).get("scores").get(2);
		assertThat(trust.get("pillar").asString()).isEqualTo("TRUST");
		assertThat(trust.get("change").decimalValue()).isEqualByComparingTo("-0.1");
		assertThat(trust.get("basePointsChange").decimalValue()).as("the base points moved with the weights")
			.isEqualByComparingTo("-1.1");
		var moves = trust.get("basePointsChange").decimalValue();
		for (var signal : trust.get("signals")) {
			moves = moves.add(signal.get("pointsChange").decimalValue());
		}
		assertThat(moves).as("the moves shown add up to the score's change").isEqualByComparingTo("-0.1");
		var session = this.mvc
			.perform(post("/login").param("username", "pam@trellis.demo").param("password", "demo").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		var page = this.mvc.perform(get("/partners/" + partner + "/scorecard").session((MockHttpSession) session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("class=\"base-points\"[\\s\\S]*?35\\.1[\\s\\S]*?-1\\.1");
	}

	private void store(long partner, LocalDate week, String score, String base, List<String> signals,
			List<String> points) {
		this.jdbc
			.sql("""
					INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at,
					                                basis, basis_reason, base_points)
					VALUES (:partner, :week, 'FY-test', :week, 'TRUST', :score, now(), 'LEARNED', 'learned in a test', :base)
					""")
			.param("partner", partner)
			.param("week", week)
			.param("score", new BigDecimal(score))
			.param("base", new BigDecimal(base))
			.update();
		for (int i = 0; i < signals.size(); i++) {
			this.jdbc.sql("""
					INSERT INTO partner_signal_week (partner_id, week_start, signal, pillar, value, points, reason)
					VALUES (:partner, :week, :signal, 'TRUST', 1, :points, 'read')
					""")
				.param("partner", partner)
				.param("week", week)
				.param("signal", signals.get(i))
				.param("points", new BigDecimal(i < points.size() ? points.get(i) : "0.0"))
				.update();
		}
	}

}
