package com.trellis.incentives;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Fixtures.World;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An MDF decision and a claim name every bad field in one round, and bad input stays 400
 * whatever the request's state, with the state's refusal in the same answer; only input
 * that passes meets a conflict (409). Nothing is decided or claimed meanwhile (try41: a
 * claim named its proof but not its negative amount, and a decision on a decided request
 * answered 409 to a negative amount).
 */
@TrellisTest
class MdfOneRoundTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Incentives incentives;

	@Test
	void aClaimNamesEveryBadFieldAndTheStateAtOnce() throws Exception {
		var world = this.fixtures.world("One Round Claim Partners");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		long waiting = request(world, "REQUESTED");
		long claims = this.fixtures.count("mdf_claim");

		partner.post("/api/v1/mdf-requests/" + waiting + "/claims", "{\"amount\": -5, \"proof\": \"\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("proof", "amount", "status")))
			.andExpect(jsonPath("$.errors[?(@.field == 'amount')].message").value(contains("must be more than zero")));

		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.partnerUser());
		this.mvc
			.perform(post("/partners/" + world.partnerId() + "/mdf-requests/" + waiting + "/claims").session(session)
				.with(csrf())
				.param("amount", "abc")
				.param("proof", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("fieldErrors", hasKey("amount")))
			.andExpect(flash().attribute("fieldErrors", hasKey("proof")))
			.andExpect(flash().attribute("fieldErrors", hasKey("status")));
		assertThat(this.fixtures.count("mdf_claim")).isEqualTo(claims);
	}

	@Test
	void aDecisionNamesEveryBadFieldAndBadInputStaysBadInputOnADecidedRequest() throws Exception {
		var world = this.fixtures.world("One Round Decision Partners");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		long waiting = request(world, "REQUESTED");
		long declined = request(world, "DECLINED");

		pam.post("/api/v1/mdf-requests/" + waiting + "/decision",
				"{\"approve\": true, \"approvedAmount\": -5, \"reason\": \"" + "r".repeat(2001) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("approvedAmount", "reason")));
		pam.post("/api/v1/mdf-requests/" + declined + "/decision", "{\"approve\": true, \"approvedAmount\": -5}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("approvedAmount", "status")));
		pam.post("/api/v1/mdf-requests/" + declined + "/decision", "{\"approve\": false, \"reason\": \"No fund\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("status"));

		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam());
		this.mvc
			.perform(post("/partners/" + world.partnerId() + "/mdf-requests/" + waiting + "/decision").session(session)
				.with(csrf())
				.param("approve", "true")
				.param("approvedAmount", "abc")
				.param("reason", "r".repeat(2001)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("fieldErrors", hasKey("approvedAmount")))
			.andExpect(flash().attribute("fieldErrors", hasKey("reason")));
		assertThat(this.jdbc.sql("SELECT status FROM mdf_request WHERE id IN (?, ?) ORDER BY id")
			.params(waiting, declined)
			.query(String.class)
			.list()).containsExactly("REQUESTED", "DECLINED");
	}

	@Test
	void aRequestNamedUnderAnotherPartnersPathIsNotFoundAndNothingIsClaimedOrDecided() throws Exception {
		// try51: a claim on the partner's own request sent under another partner's path
		// was saved, then redirected to a page the partner may not see
		var world = this.fixtures.world("Path Claim Partners");
		var other = this.fixtures.world("Path Claim Others");
		long approved = request(world, "APPROVED");
		this.jdbc.sql("UPDATE mdf_request SET approved_amount = 100 WHERE id = ?").param(approved).update();
		long waiting = request(world, "REQUESTED");
		long claims = this.fixtures.count("mdf_claim");
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		this.mvc
			.perform(post("/partners/" + other.partnerId() + "/mdf-requests/" + approved + "/claims")
				.session(readers.signIn(world.partnerUser()))
				.with(csrf())
				.param("amount", "1")
				.param("proof", "invoice 42"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/partners/" + other.partnerId() + "/mdf-requests/" + waiting + "/decision")
				.session(readers.signIn(this.fixtures.user(com.trellis.identity.Role.ADMIN)))
				.with(csrf())
				.param("approve", "false")
				.param("reason", "No fund"))
			.andExpect(status().isNotFound());
		assertThat(this.fixtures.count("mdf_claim")).isEqualTo(claims);
		assertThat(this.jdbc.sql("SELECT status FROM mdf_request WHERE id = ?")
			.param(waiting)
			.query(String.class)
			.single()).isEqualTo("REQUESTED");
	}

	/**
	 * Failed before (s59 try-out): a claim sent again after a lost answer claimed twice,
	 * and the API refused the {@code Idempotency-Key} that would have prevented it (the
	 * claim answered 200, as if it created nothing).
	 */
	@Test
	void aClaimSentAgainWithItsIdempotencyKeyIsClaimedOnce() throws Exception {
		var world = this.fixtures.world("Keyed Claim Partners");
		long approved = request(world, "APPROVED");
		this.jdbc.sql("UPDATE mdf_request SET approved_amount = 100, claim_by = DATE '2999-12-31' WHERE id = ?")
			.param(approved)
			.update();
		var fund = this.incentives.createProgram(this.fixtures.user(com.trellis.identity.Role.ADMIN),
				new ProgramCommand("MDF keyed " + System.nanoTime(), ProgramKind.MDF, "EUR",
						java.time.LocalDate.of(2026, 1, 1), null,
						Map.of("tiers", java.util.List.of(Map.of("threshold", "1", "value", "1000.00")))));
		this.jdbc
			.sql("""
					INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, amount, currency, basis, earned_at)
					VALUES (?, ?, 'MDF_FUND', 'mdf:keyed', 1000.00, 'EUR', 'test', ?)
					""")
			.params(world.partnerId(), fund.id(), Timestamp.from(this.clock.instant()))
			.update();
		var token = this.fixtures.token(world.partnerUser());
		var body = "{\"amount\": 40, \"proof\": \"INV-2026-0042\"}";
		var first = claim(token, approved, "claim-1", body);
		assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
		var again = claim(token, approved, "claim-1", body);
		assertThat(again.getStatus()).isEqualTo(201);
		assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.fixtures.count("mdf_claim WHERE request_id = " + approved)).isOne();
	}

	/**
	 * Failed before (s59 try-out): a decline that named an amount, even a negative one
	 * with three decimals, was accepted and the amount dropped without a word.
	 */
	@Test
	void aDeclineNamingAnAmountIsRefusedNamingIt() throws Exception {
		var world = this.fixtures.world("Amount Decline Partners");
		long waiting = request(world, "REQUESTED");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		for (var amount : new String[] { "-5.123", "50" }) {
			pam.post("/api/v1/mdf-requests/" + waiting + "/decision",
					"{\"approve\": false, \"approvedAmount\": " + amount + ", \"reason\": \"not this quarter\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("approvedAmount"));
		}
		assertThat(this.jdbc.sql("SELECT status FROM mdf_request WHERE id = ?")
			.param(waiting)
			.query(String.class)
			.single()).isEqualTo("REQUESTED");
		pam.post("/api/v1/mdf-requests/" + waiting + "/decision",
				"{\"approve\": false, \"reason\": \"not this quarter\"}")
			.andExpect(status().isOk());
	}

	private org.springframework.mock.web.MockHttpServletResponse claim(String token, long request, String key,
			String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/mdf-requests/" + request + "/claims").header("Authorization", "Bearer " + token)
				.header("Idempotency-Key", key)
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
	}

	private long request(World world, String status) {
		return this.jdbc.sql("""
				INSERT INTO mdf_request (partner_id, activity, cost, currency, expected_pipeline, partner_investment,
				                         status, requested_by, requested_at)
				VALUES (:partner, 'Trade fair', 100, 'EUR', 1000, 0, :status, :by, :now) RETURNING id
				""")
			.params(Map.of("partner", world.partnerId(), "status", status, "by", world.partnerUser().userId(), "now",
					Timestamp.from(this.clock.instant())))
			.query(Long.class)
			.single();
	}

}
