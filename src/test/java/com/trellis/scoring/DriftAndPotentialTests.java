package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class DriftAndPotentialTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartnerIntelligence intelligence;

	@Autowired
	IntelligenceStore store;

	@Autowired
	ScoreBookLists lists;

	@Autowired
	com.trellis.shared.PageFigureStore figures;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void aBuildingScoreIsRaisedToThePamExactlyOnceEvenByTwoInstancesAtOnce() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Rising Partners", pam.userId());
		var weeks = new java.util.ArrayList<>(this.store.latestWeeks(8));
		java.util.Collections.reverse(weeks);
		for (int i = 0; i < weeks.size(); i++) {
			store(partner, weeks.get(i), "BEHAVIOUR", 30 + 3 * i, "field-interactions", 5 + 3 * i);
		}
		var inTransaction = new org.springframework.transaction.support.TransactionTemplate(this.transactions);
		Callable<Integer> run = () -> inTransaction.execute(t -> this.intelligence.raiseDrift());
		var pool = Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(run);
			var second = pool.submit(run);
			first.get();
			second.get();
		}
		finally {
			pool.shutdown();
		}
		inTransaction.execute(t -> this.intelligence.raiseDrift());
		assertThat(alerts(partner)).isEqualTo(1);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc
				.sql("SELECT count(*) FROM notification WHERE user_id = :u AND kind = 'SCORE_DRIFT' AND link = :l")
				.param("u", pam.userId())
				.param("l", "/partners/" + partner + "/scorecard")
				.query(Long.class)
				.single()).isEqualTo(1));
		// the PAM's inbox names the partner, not its number
		assertThat(this.jdbc.sql("SELECT subject FROM notification WHERE user_id = :u AND kind = 'SCORE_DRIFT'")
			.param("u", pam.userId())
			.query(String.class)
			.single()).isEqualTo("Rising Partners: behaviour score building");
		new Api(this.mvc, this.fixtures.token(pam)).get("/api/v1/scores/drift")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].partnerName").value("Rising Partners"))
			.andExpect(jsonPath("$.items[0].state").value("BUILDING"))
			.andExpect(jsonPath("$.items[0].reason").value("building: +3.0 points a week over the last 8 weeks"))
			.andExpect(jsonPath("$.items[0].signals").value("partner–field interactions +21.0 points"));
		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.PAM))).get("/api/v1/scores/drift")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.items.length()").value(0));
	}

	@Test
	void theFirstRunSetsTheBaselineListingDriftWithoutSendingNoticesAndTheNextChangeIsSent() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Baseline Partners", pam.userId());
		var weeks = new java.util.ArrayList<>(this.store.latestWeeks(8));
		java.util.Collections.reverse(weeks);
		for (int i = 0; i < weeks.size(); i++) {
			store(partner, weeks.get(i), "BEHAVIOUR", 30 + 3 * i, "field-interactions", 5 + 3 * i);
		}
		var inTransaction = new org.springframework.transaction.support.TransactionTemplate(this.transactions);
		// no drift state stored yet: the program's first run
		inTransaction.execute(t -> this.jdbc.sql("DELETE FROM score_drift").update());
		inTransaction.execute(t -> this.intelligence.raiseDrift());
		assertThat(alerts(partner)).as("listed").isEqualTo(1);
		// a later change of another partner of the same PAM is sent: notices are not
		// switched off
		long later = this.fixtures.partner("Baseline Later Partners", pam.userId());
		for (int i = 0; i < weeks.size(); i++) {
			store(later, weeks.get(i), "TRUST", 80 - 3 * i, "field-interactions", 5);
		}
		inTransaction.execute(t -> this.intelligence.raiseDrift());
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.sql("SELECT subject FROM notification WHERE user_id = :u")
				.param("u", pam.userId())
				.query(String.class)
				.list()).containsExactly("Baseline Later Partners: trust score stalling"));
	}

	@Test
	void aPartnerWithoutPipelineWhoseReadinessAndBehaviourRankHighIsListedForItsPamWithTheEvidence() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Not Yet Partners", pam.userId());
		var week = this.store.latestWeeks(1).get(0);
		store(partner, week, "READINESS", 100, "certified-delivery-staff", 50);
		store(partner, week, "BEHAVIOUR", 100, "cosell-responsiveness", 25);
		var api = new Api(this.mvc, this.fixtures.token(pam));
		api.get("/api/v1/scores/high-potential")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].partnerName").value("Not Yet Partners"))
			.andExpect(jsonPath("$.items[0].reason").value(containsString("no partner-involved pipeline")))
			.andExpect(jsonPath("$.items[0].evidence")
				.value("certified delivery staff 50.0 points, co-sell responsiveness 25.0 points"));
		api.get("/api/v1/scores/high-potential/export.csv")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not Yet Partners")))
			// the pipeline's currency named beside it (try71b)
			.andExpect(content().string(containsString("pipeline_180_days,currency,reason")))
			.andExpect(content().string(containsString(",USD,")));
		var world = this.fixtures.world("Other Book");
		new Api(this.mvc, this.fixtures.token(world.pam())).get("/api/v1/scores/high-potential")
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.items.length()").value(0));
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).get("/api/v1/scores/high-potential")
			.andExpect(status().isForbidden());
	}

	/**
	 * The book of scores reads the high-potential list the daily job stored (issue 15), a
	 * page at a time: for the program and for a PAM its pages joined equal the
	 * per-request list, names, evidence and order included, and it says when it was
	 * computed.
	 */
	@Test
	void theStoredHighPotentialListIsThePerRequestOne() {
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Stored Potential Partners", pam.userId());
		var week = this.store.latestWeeks(1).get(0);
		store(partner, week, "READINESS", 100, "certified-delivery-staff", 50);
		store(partner, week, "BEHAVIOUR", 100, "cosell-responsiveness", 25);
		var admin = this.fixtures.user(Role.ADMIN);
		this.figures.clear(PartnerIntelligence.HIGH_POTENTIAL);
		try {
			var first = new com.trellis.shared.PageRequest(0, 25);
			var computed = this.lists.highPotential(admin, first);
			assertThat(computed.asOf()).as("nothing stored yet").isNull();
			assertThat(computed.value()).isEqualTo(this.lists.highPotentialNow(admin, first));
			assertThat(this.intelligence.storeHighPotential()).isTrue();
			assertThat(this.intelligence.storeHighPotential()).as("once a business day").isFalse();
			var program = this.intelligence.highPotential(admin);
			assertThat(program).extracting(HighPotentialLine::partnerName).contains("Stored Potential Partners");
			assertThat(this.lists.highPotential(admin, first).asOf()).isNotNull();
			assertThat(storedPages(admin)).isEqualTo(program);
			var book = this.intelligence.highPotential(pam);
			assertThat(book).extracting(HighPotentialLine::partnerId).containsExactly(partner);
			assertThat(storedPages(pam)).isEqualTo(book);
			assertThat(this.lists.highPotential(pam, first).value().total()).isEqualTo(1);
		}
		finally {
			this.figures.clear(PartnerIntelligence.HIGH_POTENTIAL);
		}
	}

	/** Every page of the stored list, read 7 lines at a time, joined. */
	private java.util.List<HighPotentialLine> storedPages(com.trellis.identity.Viewer viewer) {
		var joined = new java.util.ArrayList<HighPotentialLine>();
		for (int page = 0;; page++) {
			var read = this.lists.highPotential(viewer, new com.trellis.shared.PageRequest(page, 7)).value();
			joined.addAll(read.items());
			if (!read.hasNext()) {
				assertThat(joined).hasSize((int) read.total());
				return joined;
			}
		}
	}

	private long alerts(long partner) {
		return this.jdbc.sql("SELECT count(*) FROM score_drift_alert WHERE partner_id = :p")
			.param("p", partner)
			.query(Long.class)
			.single();
	}

	private void store(long partner, LocalDate week, String pillar, double score, String signal, double points) {
		this.jdbc.sql("""
				INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
				VALUES (:partner, :week, 'FY-test', :week, :pillar, :score, now())
				""")
			.param("partner", partner)
			.param("week", week)
			.param("pillar", pillar)
			.param("score", BigDecimal.valueOf(score))
			.update();
		this.jdbc.sql("""
				INSERT INTO partner_signal_week (partner_id, week_start, signal, pillar, value, points, reason)
				VALUES (:partner, :week, :signal, :pillar, 1, :points, 'read')
				""")
			.param("partner", partner)
			.param("week", week)
			.param("signal", signal)
			.param("pillar", pillar)
			.param("points", BigDecimal.valueOf(points))
			.update();
	}

}
