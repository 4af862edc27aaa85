package com.trellis.registration;

import java.time.Duration;
import java.time.LocalDate;

import com.trellis.activation.ActivationProgress;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a registration writes besides itself — the PAM's notice, the partner's notice of a
 * hold and the partner's first-registration milestone — is written in the registration's
 * own transaction: visible in it before the commit, and gone with it when it rolls back.
 */
@TrellisTest
class RegistrationSideEffectsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	ActivationProgress plans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void noticesAndTheFirstRegistrationMilestoneAreWrittenInTheRegistrationsTransaction() {
		var first = this.fixtures.world("Sidefx Holder Partners");
		var second = this.fixtures.world("Sidefx Waiting Partners");
		// onboarded after the fixture's deal was created, so only a registration is its
		// first
		this.plans.start(second.partnerId(), LocalDate.of(2026, 11, 24));
		this.clock.advance(Duration.ofDays(3));
		assertThat(firstRegistered(second.partnerId())).isFalse();
		this.registrations.register(first.partnerUser(), RegistrationTests.command("Quorvane Kilns", "quorvane.com"));
		long[] heldId = new long[1];
		this.transactions.executeWithoutResult(status -> {
			var held = this.registrations.register(second.partnerUser(),
					RegistrationTests.command("QUORVANE KILNS", "https://quorvane.com"));
			assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);
			heldId[0] = held.id();
			// before the commit, in the same transaction
			assertThat(notices(held.id(), "user_id = " + second.pam().userId())).as("the PAM's notice").isEqualTo(1);
			assertThat(notices(held.id(), "partner_id = " + second.partnerId())).as("the partner's notice")
				.isEqualTo(1);
			assertThat(firstRegistered(second.partnerId())).as("the plan's first registration").isTrue();
			status.setRollbackOnly();
		});
		assertThat(notices(heldId[0], "TRUE")).as("notices after the rollback").isZero();
		assertThat(firstRegistered(second.partnerId())).as("the plan's first registration after the rollback")
			.isFalse();

		var held = this.transactions.execute(status -> this.registrations.register(second.partnerUser(),
				RegistrationTests.command("QUORVANE KILNS", "https://quorvane.com")));
		assertThat(notices(held.id(), "TRUE")).as("both notices once committed").isEqualTo(2);
		assertThat(firstRegistered(second.partnerId())).isTrue();
	}

	private long notices(long registrationId, String recipient) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE notice_key LIKE :key AND " + recipient)
			.param("key", "registration:" + registrationId + ":%")
			.query(Long.class)
			.single();
	}

	private boolean firstRegistered(long partnerId) {
		return this.jdbc.sql("SELECT first_registered_at IS NOT NULL FROM activation_plan WHERE partner_id = :partner")
			.param("partner", partnerId)
			.query(Boolean.class)
			.single();
	}

}
