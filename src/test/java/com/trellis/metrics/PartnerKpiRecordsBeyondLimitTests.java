package com.trellis.metrics;

import java.time.LocalDate;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner user's records of a share of the whole program (co-sell share) are its own
 * deals, however many deals the program has: the record limit applies to the partner's
 * deals, not to the program's before the other partners' and direct deals are left out
 * (try23: with more than {@link KpiRecords#LIMIT} deals created in the period before the
 * partner's, the partner was shown none of its own).
 */
@TrellisTest
@TestPropertySource(properties = "trellis.demo.enabled=false")
class PartnerKpiRecordsBeyondLimitTests {

	private static final Period QUARTER = Period.until(LocalDate.of(2018, 7, 1), LocalDate.of(2018, 10, 1));

	@Autowired
	Kpis kpis;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void aPartnerSeesItsOwnDealsOfACoSellShareBehindMoreThanTheLimitOfOthers() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		var ae = this.fixtures.user(Role.AE);
		long partner = this.fixtures.partner("Beyond limit partner", pam.userId());
		long account = this.fixtures.account("Beyond limit customer", "beyond-limit.example", ae.userId());
		// the program's direct deals of the period, all created before the partner's
		this.jdbc.sql("""
				INSERT INTO opportunity (account_id, name, amount, currency, stage, owner_id, source, stage_entered_at,
				    created_at, updated_at)
				SELECT ?, 'Beyond limit direct deal', 1000, 'USD', 'QUALIFIED', ?, 'DIRECT',
				       TIMESTAMPTZ '2018-07-02T09:00:00Z' + make_interval(mins => g),
				       TIMESTAMPTZ '2018-07-02T09:00:00Z' + make_interval(mins => g), now()
				FROM generate_series(1, ?) g
				""").params(account, ae.userId(), KpiRecords.LIMIT + 1).update();
		this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, owner_id, source, partner_id, credit_type,
					    partner_share, stage_entered_at, created_at, updated_at)
					VALUES (?, 'Beyond limit partner deal', 2000, 'USD', 'QUALIFIED', ?, 'PARTNER', ?, 'SOURCED', 20,
					        TIMESTAMPTZ '2018-09-01T09:00:00Z', TIMESTAMPTZ '2018-09-01T09:00:00Z', now())
					""")
			.params(account, ae.userId(), partner)
			.update();
		var partnerUser = this.fixtures.user(Role.PARTNER, partner, null);

		var own = this.kpis.records(partnerUser, "CO_SELL_SHARE", QUARTER, Slice.PROGRAM);
		assertThat(own.rows()).extracting(r -> r.get("label") + " " + r.get("side") + " " + r.get("counted"))
			.containsExactly("Beyond limit partner deal partner false");
		assertThat(own.cut()).isFalse();

		// staff see the program's first records and are told more were left out (try24:
		// cut at the limit without a word on the API and the CSV)
		var admin = this.fixtures.user(Role.ADMIN);
		var program = this.kpis.records(admin, "CO_SELL_SHARE", QUARTER, Slice.PROGRAM);
		assertThat(program.rows()).hasSize(KpiRecords.LIMIT);
		assertThat(program.cut()).isTrue();
		var query = "?from=2018-07-01&to=2018-09-30";
		for (var path : java.util.List.of("/api/v1/kpis/CO_SELL_SHARE/records" + query,
				"/api/v1/kpis/WIN_RATE/records" + query)) {
			var answer = this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
					.header("Authorization", "Bearer " + this.fixtures.token(admin)))
				.andReturn()
				.getResponse();
			assertThat(answer.getStatus()).as(path).isEqualTo(200);
			assertThat(answer.getHeader(KpiRecordList.CUT_HEADER)).as(path)
				.isEqualTo(path.contains("CO_SELL") ? "true" : "false");
		}
	}

}
