package com.trellis.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.trellis.deals.CreditType;
import com.trellis.support.Fixtures;
import com.trellis.support.StatementTally;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registration sends few statements, whatever it writes (issue 15: 16 or more, one
 * round trip each, most of its time in a loaded machine spent waiting between them): what
 * it writes in its own, the audit, the notify and the activity modules goes in one round
 * trip, and the registration it returns is the one stored, though it is built without
 * reading it back.
 */
@TrellisTest
class RegistrationRoundTripsTests {

	/**
	 * The partner, the rules, the id, the holidays, the accounts and the search (one
	 * round trip); the audience (two); the locks with the re-read; the writes; the
	 * activation plan; the webhook subscriptions. Before: 16 for a pending registration
	 * and 17 for a held one, besides the notices' deliveries.
	 */
	private static final int WITHOUT_DELIVERIES = 7;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegistrationSendsTheSameFewStatementsWhetherItIsPendingOrHeld() {
		var holder = this.fixtures.world("Roundtrip Holder Partners");
		var waiting = this.fixtures.world("Roundtrip Waiting Partners");
		var statements = new AtomicInteger();
		var pending = counted(statements, () -> this.registrations.register(holder.partnerUser(),
				RegistrationTests.command("Zelvorn Quarries", "zelvorn-quarries.com")));
		int forPending = statements.getAndSet(0);
		var held = counted(statements, () -> this.registrations.register(waiting.partnerUser(),
				RegistrationTests.command("ZELVORN QUARRIES", "https://zelvorn-quarries.com")));
		int forHeld = statements.get();
		assertThat(pending.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		// a notice with deliveries (here the tests' mail sender) is written at once, each
		// delivery under its savepoint: the entry, then a savepoint and an insert each
		assertThat(forPending).as("statements of a pending registration")
			.isEqualTo(WITHOUT_DELIVERIES + deliveryStatements(pending.id()));
		assertThat(forHeld).as("statements of a held registration")
			.isEqualTo(WITHOUT_DELIVERIES + deliveryStatements(held.id()));
		// what the writes sent together wrote
		assertThat(count("notification", "notice_key LIKE 'registration:" + held.id() + ":%'")).isEqualTo(2);
		assertThat(count("notification", "notice_key LIKE 'registration:" + pending.id() + ":%'")).isEqualTo(1);
		assertThat(count("audit_entry", "entity_type = 'deal-registration' AND entity_id IN ('" + pending.id() + "', '"
				+ held.id() + "') AND action LIKE 'registered: %'"))
			.isEqualTo(2);
		assertThat(count("activity_event",
				"type = 'DEAL_REGISTERED' AND partner_id IN (" + holder.partnerId() + ", " + waiting.partnerId() + ")"))
			.isEqualTo(2);
		assertThat(count("registration_history", "registration_id IN (" + pending.id() + ", " + held.id() + ")"))
			.isEqualTo(2);
		assertThat(count("registration_conflict",
				"registration_id = " + held.id() + " AND candidate_id = " + pending.id()))
			.isEqualTo(1);
	}

	@Test
	void theRegistrationReturnedIsTheOneStored() {
		var holder = this.fixtures.world("Roundtrip Stored Partners");
		var waiting = this.fixtures.world("Roundtrip Stored Others");
		var odd = new RegistrationCommand(null, "Pellquist Fabrication", "pellquist.io",
				"Replace the legacy order system before Q3", new BigDecimal("48000.5"), "USD",
				LocalDate.of(2027, 4, 30), null, CreditType.INFLUENCED);
		var yen = new RegistrationCommand(null, "Pellquist Fabrication", "pellquist.io",
				"Replace the legacy order system before Q3", new BigDecimal("5300000"), "JPY",
				LocalDate.of(2027, 5, 31), null, CreditType.CO_SELL);
		var pending = this.registrations.register(holder.partnerUser(), odd);
		var held = this.registrations.register(waiting.partnerUser(), yen);
		assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThat(pending).isEqualTo(this.registrations.get(holder.partnerUser(), pending.id()));
		assertThat(held).isEqualTo(this.registrations.get(waiting.partnerUser(), held.id()));
	}

	/** What a registration's notices with deliveries cost, by the deliveries written. */
	private int deliveryStatements(long registrationId) {
		return this.jdbc.sql("""
				SELECT coalesce(sum(CASE WHEN d.n > 0 THEN 1 + 2 * d.n ELSE 0 END), 0)
				FROM notification n
				CROSS JOIN LATERAL (SELECT count(*) AS n FROM notification_delivery WHERE notification_id = n.id) AS d
				WHERE n.notice_key LIKE :key
				""").param("key", "registration:" + registrationId + ":%").query(Integer.class).single();
	}

	private long count(String table, String where) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + where).query(Long.class).single();
	}

	/** Runs the work in one transaction, its statements and savepoints counted. */
	private <T> T counted(AtomicInteger statements, java.util.function.Supplier<T> work) {
		var tallied = StatementTally.of(this.dataSource, work);
		statements.addAndGet(tallied.statements());
		return tallied.result();
	}

}
