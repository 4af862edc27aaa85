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

	@Test
	void aPartnerSeesItsOwnDealsOfACoSellShareBehindMoreThanTheLimitOfOthers() {
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

		assertThat(this.kpis.records(partnerUser, "CO_SELL_SHARE", QUARTER, Slice.PROGRAM))
			.extracting(r -> r.get("label") + " " + r.get("side") + " " + r.get("counted"))
			.containsExactly("Beyond limit partner deal partner false");
	}

}
