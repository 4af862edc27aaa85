package com.trellis.shared;

import java.util.Map;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statements sent together: each sees what those before it wrote, queries' rows come back
 * in their order with their own parameters (named alike in different statements), and a
 * statement that fails fails the send, with nothing written once the transaction rolls
 * back.
 */
@TrellisTest
class SqlPipelineTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void statementsSentTogetherRunInOrderWithTheirOwnParameters() {
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.execute("CREATE TEMP TABLE pipeline_probe (n INT PRIMARY KEY, label TEXT) ON COMMIT DROP");
			var pipeline = new SqlPipeline();
			pipeline.update("INSERT INTO pipeline_probe VALUES (:n, :label)", Map.of("n", 1, "label", "one"));
			var nulls = new java.util.HashMap<String, Object>();
			nulls.put("n", 2);
			nulls.put("label", null);
			pipeline.update("INSERT INTO pipeline_probe VALUES (:n, :label)", nulls);
			var labels = pipeline.query("SELECT coalesce(label, '-') FROM pipeline_probe WHERE n <= :n ORDER BY n",
					Map.of("n", 2), (rs, i) -> rs.getString(1));
			var none = pipeline.query("SELECT n FROM pipeline_probe WHERE n > :n", Map.of("n", 5),
					(rs, i) -> rs.getInt(1));
			var ids = pipeline.query("SELECT unnest(CAST(:ids AS BIGINT[]))", Map.of("ids", new Long[] { 7L, 8L }),
					(rs, i) -> rs.getLong(1));
			assertThatThrownBy(labels::get).isInstanceOf(IllegalStateException.class);
			pipeline.send(this.jdbc);
			assertThat(labels.get()).containsExactly("one", "-");
			assertThat(none.get()).isEmpty();
			assertThat(ids.get()).containsExactly(7L, 8L);
			assertThat(pipeline.size()).isEqualTo(5);
		});
	}

	@Test
	void aStatementThatFailsFailsTheSendAndNothingIsKept() {
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS pipeline_probe_kept (n INT PRIMARY KEY)");
		this.jdbc.update("DELETE FROM pipeline_probe_kept");
		assertThatThrownBy(() -> this.transactions.executeWithoutResult(status -> {
			var pipeline = new SqlPipeline();
			pipeline.update("INSERT INTO pipeline_probe_kept VALUES (:n)", Map.of("n", 1));
			pipeline.update("INSERT INTO pipeline_probe_kept VALUES (:n)", Map.of("n", 1));
			pipeline.update("INSERT INTO pipeline_probe_kept VALUES (:n)", Map.of("n", 2));
			pipeline.send(this.jdbc);
		})).isInstanceOf(DataAccessException.class);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pipeline_probe_kept", Long.class)).isZero();
		this.jdbc.execute("DROP TABLE pipeline_probe_kept");
	}

	@Test
	void oneStatementAtATime() {
		assertThatThrownBy(() -> new SqlPipeline().update("SELECT 1; SELECT 2", Map.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
