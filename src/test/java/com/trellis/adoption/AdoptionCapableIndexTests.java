package com.trellis.adoption;

import java.sql.Timestamp;
import java.time.Instant;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagnosis' capable partners can be read from their partial index
 * ({@code partner_capable_id_idx}, V199; from the index alone where the table's pages are
 * all visible, as on the large dataset after its vacuum): with the table's sequential
 * scan priced out for the transaction (the demo data is too small for the planner to
 * prefer an index on its own), the idle count's plan reads the partners' ids from that
 * index, which holds only if the index exists and its predicate is the query's. Reads
 * only; the setting is rolled back with the transaction.
 */
@TrellisTest
class AdoptionCapableIndexTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theIdleCountReadsTheCapablePartnersFromTheirPartialIndex() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			this.jdbc.sql("SET LOCAL enable_seqscan = off").update();
			this.jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
			// and plain index scans: partner_status_idx (active partners, the tiers read
			// from the table) was cheaper in one full-suite order; only the partial
			// index answers the query from the index alone
			this.jdbc.sql("SET LOCAL enable_indexscan = off").update();
			var plan = String.join("\n",
					this.jdbc.sql("EXPLAIN " + AdoptionRepository.IDLE_CAPABLE)
						.param("since", Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")))
						.query(String.class)
						.list());
			assertThat(plan).contains("using partner_capable_id_idx on partner");
			status.setRollbackOnly();
		});
	}

}
