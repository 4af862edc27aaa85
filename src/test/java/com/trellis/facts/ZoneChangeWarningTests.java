package com.trellis.facts;

import java.sql.Timestamp;
import java.time.Instant;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running program's business zone changed (the facts were built in Pacific/Auckland,
 * the tests run in UTC): the start says so in the log, with the closed deals whose close
 * date is now another day than their closing moment. Rolled back: the other tests keep
 * their facts.
 */
@TrellisTest
@ExtendWith(OutputCaptureExtension.class)
class ZoneChangeWarningTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DealFacts facts;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aChangedZoneIsWarnedOfWithTheClosedDealsItRedates(CapturedOutput output) {
		var ae = this.fixtures.user(Role.AE);
		long account = this.fixtures.account("Zone change customer", null, ae.userId());
		var transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult(status -> {
			// closed at 08:00 on 1 October in Auckland: 30 September in UTC
			var closed = Timestamp.from(Instant.parse("2026-09-30T19:00:00Z"));
			this.jdbc.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
					                         stage_entered_at, created_at, updated_at, closed_at)
					VALUES (:account, 'Closed in Auckland', 1000, 'USD', 'CLOSED_WON', DATE '2026-10-01', :owner,
					        'DIRECT', :closed, :closed, :closed, :closed)""")
				.param("account", account)
				.param("owner", ae.userId())
				.param("closed", closed)
				.update();
			this.jdbc.sql("UPDATE fact_setting SET zone = 'Pacific/Auckland'").update();
			assertThat(this.facts.buildIfNeeded()).isTrue();
			status.setRollbackOnly();
		});
		assertThat(output).contains("The business time zone changed from Pacific/Auckland to UTC")
			.containsPattern("[1-9]\\d* closed deals keep a close date that is another day");
	}

}
