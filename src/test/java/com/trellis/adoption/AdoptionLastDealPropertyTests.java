package com.trellis.adoption;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.trellis.deals.Deals;
import com.trellis.metrics.ExchangeRates;
import com.trellis.support.Fixtures;
import com.trellis.support.RandomDealChanges;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each partner's newest deal creation kept for the diagnosis' idle capable partners
 * ({@code adoption_partner_last_deal}, V182) equals a recount from the deals after every
 * step of a fixed-seed random sequence: deal changes through the facade
 * ({@link RandomDealChanges}), then deals inserted (one to three in a statement, with and
 * without a partner, older and newer than the partner's newest), deleted, moved between
 * partners, put on and taken off partners and moved in time (several in a statement); the
 * rebuild writes the same; and the idle count read from it equals the former probe of
 * each capable partner's deals for windows from a day to a year. Rolled back.
 */
@TrellisTest
class AdoptionLastDealPropertyTests {

	private static final long SEED = 20261204L;

	private static final int STEPS = 80;

	/** The former count: each capable partner's deals probed since the moment. */
	private static final String FORMER = """
			SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = p.id
			         AND o.created_at >= :since))
			FROM partner p WHERE p.lifecycle_status = 'ACTIVE' AND p.tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING')
			""";

	private static final String KEPT = "SELECT partner_id, created_at FROM adoption_partner_last_deal";

	private static final String RECOUNTED = """
			SELECT partner_id, max(created_at) FROM opportunity WHERE partner_id IS NOT NULL GROUP BY partner_id""";

	@Autowired
	AdoptionRepository adoption;

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.DealCredit credit;

	@Autowired
	ExchangeRates rates;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theKeptNewestDealsEqualARecountAndTheIdleCountTheFormerOne() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			assertKeptEqualsRecount("demo");
			new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc).run(SEED,
					30);
			assertKeptEqualsRecount("after the deal changes through the facade");
			var random = new Random(SEED);
			var partners = this.jdbc
				.sql("""
						SELECT id FROM partner WHERE lifecycle_status = 'ACTIVE' AND tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING')
						ORDER BY id LIMIT 5""")
				.query(Long.class)
				.list();
			var template = this.jdbc.sql("SELECT min(id) FROM opportunity").query(Long.class).single();
			var inserted = new ArrayList<Long>();
			for (int step = 0; step < STEPS; step++) {
				change(random, partners, template, inserted);
				assertKeptEqualsRecount("step " + step);
				if (step % 10 == 9) {
					assertIdleCountsEqual("step " + step);
				}
			}
			this.jdbc.sql("SELECT adoption_partner_last_deal_rebuild()").query().singleRow();
			assertKeptEqualsRecount("after the rebuild");
			assertIdleCountsEqual("after the rebuild");
			status.setRollbackOnly();
		});
	}

	private void change(Random random, List<Long> partners, long template, List<Long> inserted) {
		var now = this.clock.instant();
		int kind = inserted.isEmpty() ? 0 : random.nextInt(5);
		switch (kind) {
			case 0 -> {
				int n = 1 + random.nextInt(3);
				for (int i = 0; i < n; i++) {
					Long partner = random.nextInt(4) == 0 ? null : partners.get(random.nextInt(partners.size()));
					inserted.add(this.jdbc
						.sql("""
								INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
								                         partner_id, credit_type, stage_entered_at, created_at, updated_at)
								SELECT account_id, 'Newest deal check', amount, currency, 'REGISTERED', close_date, owner_id,
								       CASE WHEN CAST(:partner AS BIGINT) IS NULL THEN 'DIRECT' ELSE 'PARTNER' END, :partner,
								       CASE WHEN CAST(:partner AS BIGINT) IS NULL THEN NULL ELSE 'SOURCED' END, :at, :at, :at
								FROM opportunity WHERE id = :template RETURNING id""")
						.param("partner", partner, java.sql.Types.BIGINT)
						.param("at", Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(400 * 24 * 60)))))
						.param("template", template)
						.query(Long.class)
						.single());
				}
			}
			case 1 -> {
				var gone = inserted.remove(random.nextInt(inserted.size()));
				this.jdbc.sql("DELETE FROM opportunity WHERE id = :id").param("id", gone).update();
			}
			case 2, 3 -> {
				// several deals at once: another partner, none, or one again
				var chosen = new ArrayList<Long>();
				var to = new ArrayList<Long>();
				for (int i = 0; i < 1 + random.nextInt(5); i++) {
					chosen.add(inserted.get(random.nextInt(inserted.size())));
					to.add(random.nextInt(3) == 0 ? null : partners.get(random.nextInt(partners.size())));
				}
				this.jdbc.sql("""
						UPDATE opportunity o SET partner_id = m.partner_id,
						       credit_type = CASE WHEN m.partner_id IS NULL THEN NULL ELSE 'SOURCED' END,
						       source = CASE WHEN m.partner_id IS NULL THEN 'DIRECT' ELSE 'PARTNER' END
						FROM (SELECT DISTINCT ON (d) d, p AS partner_id
						      FROM unnest(CAST(:deals AS BIGINT[]), CAST(:partners AS BIGINT[])) AS u (d, p)) m
						WHERE o.id = m.d""")
					.param("deals", chosen.toArray(Long[]::new))
					.param("partners", to.toArray(Long[]::new))
					.update();
			}
			default -> this.jdbc.sql("""
					UPDATE opportunity SET created_at = created_at + :hours * interval '1 hour'
					WHERE id = ANY (:deals) AND id % 3 <> :skip""")
				.param("hours", random.nextInt(2000) - 1000)
				.param("deals", inserted.toArray(Long[]::new))
				.param("skip", random.nextInt(3))
				.update();
		}
	}

	private void assertKeptEqualsRecount(String when) {
		com.trellis.support.KeptRows.assertEqualRecount(this.jdbc, KEPT, RECOUNTED, when);
	}

	private void assertIdleCountsEqual(String when) {
		var now = this.clock.instant();
		for (int days : List.of(1, 30, 90, 200, 365)) {
			var since = now.minus(Duration.ofDays(days));
			var former = this.jdbc.sql(FORMER)
				.param("since", Timestamp.from(since))
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.single();
			assertThat(this.adoption.idleCapable(since)).as("%s, %d days", when, days).containsExactly(former);
		}
	}

}
