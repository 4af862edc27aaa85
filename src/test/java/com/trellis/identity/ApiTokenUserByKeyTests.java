package com.trellis.identity;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token check of every API request reads the token's user by key, whatever the
 * statistics of {@code api_token} say: with a few tokens analysed while their users had
 * low ids, the former statement was planned as a merge join that walked {@code app_user}
 * in id order up to the presenting user (35,000 rows a request on the large data). The
 * tokens, users and statistics of this test are rolled back.
 */
@TrellisTest
class ApiTokenUserByKeyTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestClock clock;

	@Test
	void aTokenOfAUserAfterTheAnalysedOnesReadsOneUserRowByKey() {
		this.transactions.executeWithoutResult(status -> {
			var now = Timestamp.from(this.clock.instant());
			// the tokens analysed are those of the first users (as on the large data: the
			// demo staff's), the token presented is of a user added after them
			this.jdbc.sql("DELETE FROM api_token").update();
			this.jdbc.sql("""
					INSERT INTO api_token (user_id, name, token_hash, created_at)
					SELECT id, 'first', 'first-' || id, :now FROM app_user ORDER BY id LIMIT 8
					""").param("now", now).update();
			this.jdbc.sql("ANALYZE api_token").update();
			this.jdbc.sql("""
					INSERT INTO app_user (email, display_name, password_hash, role, enabled, created_at)
					SELECT 'by-key-' || g || '@test.example', 'By key ' || g, '{noop}secret', 'AE', FALSE, :now
					FROM generate_series(1, 5000) AS g
					""").param("now", now).update();
			this.jdbc.sql("ANALYZE app_user").update();
			long user = this.jdbc.sql("SELECT max(id) FROM app_user").query(Long.class).single();
			var hash = ApiTokens.hash("trl_by_key_test_secret");
			this.jdbc.sql("""
					INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES (:user, 'by key', :hash, :now)
					""").param("user", user).param("hash", hash).param("now", now).update();

			var plan = this.jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + ApiTokenRepository.PRESENTED)
				.param("hash", hash)
				.query(String.class)
				.single();

			List<Map<String, Object>> reads = JsonPath.read(plan, "$..[?(@['Relation Name'] == 'app_user')]");
			assertThat(reads).as(plan).isNotEmpty().allSatisfy(read -> {
				assertThat(read.get("Index Cond")).as(plan).asString().contains("id = t.user_id");
				assertThat(((Number) read.get("Actual Rows")).longValue()).as(plan).isLessThanOrEqualTo(1);
			});
			status.setRollbackOnly();
		});
	}

}
