package com.trellis.registration;

import java.time.Duration;

import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A registration ended with its deal follows the deal's last outcome (try01: a deal won,
 * reopened and then lost left its registration saying "Your deal closed won").
 */
@TrellisTest
class ReopenedDealRegistrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	Deals deals;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aWonDealReopenedAndLostEndsItsRegistrationAsLostAndTellsThePartner() {
		var world = this.fixtures.world("Reopened Loss Partners");
		var registered = this.registrations.register(world.partnerUser(),
				RegistrationTests.command("Marlow Kilnworks", null));
		long deal = this.registrations
			.approve(world.pam(), registered.id(), new ApproveCommand(world.ae().userId(), null))
			.opportunityId();
		this.deals.moveStage(world.ae(), deal, Stage.REGISTERED, Stage.CLOSED_WON, "won", false);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> status(world, registered.id()) == RegistrationStatus.DEAL_WON);

		this.deals.moveStage(world.ae(), deal, Stage.CLOSED_WON, Stage.COMMIT, "order cancelled", false);
		this.deals.moveStage(world.ae(), deal, Stage.COMMIT, Stage.CLOSED_LOST, "budget gone", true);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> status(world, registered.id()) == RegistrationStatus.DEAL_LOST);
		assertThat(this.registrations.get(world.partnerUser(), registered.id()).statusReason()).contains("closed lost");
		assertThat(this.registrations.history(world.pam(), registered.id()))
			.anyMatch(entry -> entry.from() == RegistrationStatus.DEAL_WON && entry.to() == RegistrationStatus.DEAL_LOST
					&& entry.reason().contains("closed lost"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM notification WHERE partner_id = ? AND kind = 'REGISTRATION_DEAL_LOST'")
				.param(world.partnerId())
				.query(Long.class)
				.single() == 1);
	}

	@Test
	void aLostDealReopenedAndWonEndsItsRegistrationAsWon() {
		var world = this.fixtures.world("Reopened Win Partners");
		var registered = this.registrations.register(world.partnerUser(),
				RegistrationTests.command("Harrow Glassworks", null));
		long deal = this.registrations
			.approve(world.pam(), registered.id(), new ApproveCommand(world.ae().userId(), null))
			.opportunityId();
		this.deals.moveStage(world.ae(), deal, Stage.REGISTERED, Stage.CLOSED_LOST, "no budget", true);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> status(world, registered.id()) == RegistrationStatus.DEAL_LOST);

		this.deals.moveStage(world.ae(), deal, Stage.CLOSED_LOST, Stage.COMMIT, "budget found", false);
		this.deals.moveStage(world.ae(), deal, Stage.COMMIT, Stage.CLOSED_WON, "signed", false);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> status(world, registered.id()) == RegistrationStatus.DEAL_WON);
	}

	private RegistrationStatus status(Fixtures.World world, long id) {
		return this.registrations.get(world.pam(), id).status();
	}

}
