package com.trellis.adoption;

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
 * The prompted partner deals kept for the adoption page ({@code adoption_prompted_deal},
 * V314) equal a recount from the deals and prompts after every step of a fixed-seed
 * random sequence: deal changes through the facade ({@link RandomDealChanges}, which puts
 * partners on deals and hands deals over), then prompts written (one to three deals in a
 * statement, with and without a partner, some prompted twice) and deleted, deals put on
 * and taken off partners, handed to another rep, moved in time (several in a statement)
 * and deleted with their prompts; the rebuild writes the same. Rolled back.
 */
@TrellisTest
class AdoptionPromptedDealPropertyTests {

	private static final long SEED = 20261207L;

	private static final int STEPS = 80;

	private static final String KEPT = "SELECT opportunity_id, owner_id, created_at FROM adoption_prompted_deal";

	private static final String RECOUNTED = """
			SELECT o.id, o.owner_id, o.created_at FROM opportunity o
			WHERE o.partner_id IS NOT NULL AND EXISTS (SELECT 1 FROM partner_prompt pp WHERE pp.opportunity_id = o.id)""";

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
	void theKeptPromptedDealsEqualARecount() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			assertKeptEqualsRecount("demo");
			var random = new Random(SEED);
			var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock,
					this.jdbc);
			changes.run(SEED, 10);
			var chosen = this.jdbc.sql("SELECT id FROM opportunity WHERE name LIKE 'Random %' ORDER BY id")
				.query(Long.class)
				.list();
			prompt(chosen.stream().filter(id -> random.nextBoolean()).toList());
			changes.run(SEED + 1, 30);
			assertKeptEqualsRecount("after the deal changes through the facade");
			var partners = this.jdbc.sql("SELECT id FROM partner WHERE lifecycle_status = 'ACTIVE' ORDER BY id LIMIT 4")
				.query(Long.class)
				.list();
			var reps = this.jdbc.sql("SELECT DISTINCT owner_id FROM opportunity ORDER BY 1 LIMIT 4")
				.query(Long.class)
				.list();
			// deals of the sequence and a world's own (only those are deleted)
			var world = this.fixtures.world("Prompted Deals s64");
			var own = new ArrayList<Long>();
			for (int i = 0; i < 20; i++) {
				own.add(this.fixtures.deal(world.accountId(), world.ae().userId(),
						i % 3 == 0 ? null : partners.get(i % partners.size()), this.clock.instant()));
			}
			var deals = new ArrayList<Long>(chosen);
			deals.addAll(own);
			for (int step = 0; step < STEPS; step++) {
				change(random, deals, own, partners, reps);
				assertKeptEqualsRecount("step " + step);
			}
			assertThat(this.jdbc.sql("SELECT count(*) FROM adoption_prompted_deal").query(Long.class).single())
				.as("some prompted partner deals are kept")
				.isPositive();
			this.jdbc.sql("SELECT adoption_prompted_deal_rebuild()").query().singleRow();
			assertKeptEqualsRecount("after the rebuild");
			status.setRollbackOnly();
		});
	}

	private void change(Random random, List<Long> deals, List<Long> own, List<Long> partners, List<Long> reps) {
		var some = new ArrayList<Long>();
		for (int i = 0; i < 1 + random.nextInt(3); i++) {
			some.add(deals.get(random.nextInt(deals.size())));
		}
		switch (own.isEmpty() ? 0 : random.nextInt(6)) {
			case 0, 1 -> prompt(some);
			case 2 ->
				this.jdbc.sql("DELETE FROM partner_prompt WHERE opportunity_id = ANY (:deals) AND id % 2 = :parity")
					.param("deals", some.toArray(Long[]::new))
					.param("parity", random.nextInt(2))
					.update();
			case 3 -> this.jdbc.sql("""
					UPDATE opportunity SET partner_id = :partner,
					       credit_type = CASE WHEN CAST(:partner AS BIGINT) IS NULL THEN NULL ELSE 'INFLUENCED' END,
					       source = CASE WHEN CAST(:partner AS BIGINT) IS NULL THEN 'DIRECT' ELSE 'PARTNER' END
					WHERE id = ANY (:deals)""")
				.param("partner", random.nextInt(3) == 0 ? null : partners.get(random.nextInt(partners.size())),
						java.sql.Types.BIGINT)
				.param("deals", some.toArray(Long[]::new))
				.update();
			case 4 -> this.jdbc.sql("""
					UPDATE opportunity SET owner_id = :rep, created_at = created_at + :hours * interval '1 hour'
					WHERE id = ANY (:deals)""")
				.param("rep", reps.get(random.nextInt(reps.size())))
				.param("hours", random.nextBoolean() ? 0 : random.nextInt(2000) - 1000)
				.param("deals", some.toArray(Long[]::new))
				.update();
			default -> {
				var gone = own.remove(random.nextInt(own.size()));
				deals.remove(gone);
				this.jdbc.sql("DELETE FROM partner_prompt WHERE opportunity_id = :id").param("id", gone).update();
				this.jdbc.sql("DELETE FROM opportunity WHERE id = :id").param("id", gone).update();
			}
		}
	}

	/** Prompts each deal's owner on it, as of a moment after the deal's creation. */
	private void prompt(List<Long> some) {
		this.jdbc.sql("""
				INSERT INTO partner_prompt (opportunity_id, manager_id, rep_id, prompted_at)
				SELECT o.id, o.owner_id, o.owner_id, o.created_at + interval '1 hour'
				FROM opportunity o WHERE o.id = ANY (:deals)
				ON CONFLICT DO NOTHING""").param("deals", some.toArray(Long[]::new)).update();
		this.clock.advance(Duration.ofMinutes(1));
	}

	private void assertKeptEqualsRecount(String when) {
		com.trellis.support.KeptRows.assertEqualRecount(this.jdbc, KEPT, RECOUNTED, when);
	}

}
