package com.trellis.facts;

import java.sql.Timestamp;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inserting deals counts them into the facts without reading the stage changes: a new
 * deal has none yet (the stage change's foreign key), and reading them made each page of
 * a large CRM import scan every stage change written before it (quadratic, see
 * docs/import.md, Large files). Checked with the transaction's own scan counters of
 * {@code opportunity_stage_change}, whatever plan the trigger's statement gets.
 */
@TrellisTest
class DealInsertFactsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DealFacts facts;

	@Test
	void insertingDealsReadsNoStageChangesAndStillCountsThem() {
		// kept (not suspended by a bulk load of another test class)
		this.facts.buildIfNeeded();
		var ae = this.fixtures.user(Role.AE);
		long account = this.fixtures.account("Facts insert customer", null, ae.userId());
		long before = createdCount(ae.userId());
		long scans = new TransactionTemplate(this.transactions).execute(status -> {
			this.jdbc.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
					                         stage_entered_at, created_at, updated_at)
					SELECT :account, 'Facts insert deal ' || n, 1000, 'USD', 'QUALIFIED', NULL, :owner, 'DIRECT', :now,
					       :now, :now
					FROM generate_series(1, 3) n
					""")
				.param("account", account)
				.param("owner", ae.userId())
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			return this.jdbc.sql("""
					SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables
					WHERE relname = 'opportunity_stage_change'
					""").query(Long.class).optional().orElse(0L);
		});
		assertThat(scans).as("scans of opportunity_stage_change while inserting deals").isZero();
		assertThat(createdCount(ae.userId()) - before).isEqualTo(3);
	}

	private long createdCount(long ownerId) {
		return this.jdbc.sql("SELECT coalesce(sum(created_count), 0) FROM rep_day_fact WHERE owner_id = :owner")
			.param("owner", ownerId)
			.query(Long.class)
			.single();
	}

}
