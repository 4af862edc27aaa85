package com.trellis.registration;

import java.time.Duration;

import com.trellis.audit.AuditLog;
import com.trellis.deals.Deals;
import com.trellis.deals.ImportedDeal;
import com.trellis.deals.Stage;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A won deal ends its registration's protection, as a lost one does: what waited behind
 * it is decided again, and a later registration of the customer (an expansion deal,
 * another partner's project) is decided afresh, not held "until" a past date behind a
 * registration that can never lapse, nor rejected as a duplicate of the partner's own won
 * one.
 */
@TrellisTest
class WonRegistrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	Deals deals;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	AuditLog audit;

	@Autowired
	com.trellis.process.SalesProcess process;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@Autowired
	com.trellis.deals.DealImport dealImport;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void whenTheApprovedRegistrationsDealIsWonItsProtectionEndsAndTheHeldOneIsDecidedAgain() {
		var a = this.fixtures.world("Won Deal Approved Partners");
		var b = this.fixtures.world("Won Deal Waiting Partners");
		var first = this.registrations.register(a.partnerUser(), RegistrationTests.command("Ostrava Kilnworks", null));
		var held = this.registrations.register(b.partnerUser(), RegistrationTests.command("Ostrava Kilnworks", null));
		assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		var approved = this.registrations.approve(a.pam(), first.id(), new ApproveCommand(a.ae().userId(), null));

		win(a, approved.opportunityId());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registrations.get(b.pam(), held.id()).status() == RegistrationStatus.PENDING);
		var ended = this.registrations.get(a.pam(), first.id());
		assertThat(ended.status()).isEqualTo(RegistrationStatus.DEAL_WON);
		assertThat(ended.status().protects()).isFalse();
		assertThat(this.registrations.history(a.pam(), first.id()))
			.anyMatch(entry -> entry.from() == RegistrationStatus.APPROVED && entry.to() == RegistrationStatus.DEAL_WON
					&& entry.reason().contains("won"));
		assertThat(this.audit.history("deal-registration", first.id()))
			.anyMatch(entry -> entry.action().contains("closed won") && entry.after().contains("DEAL_WON"));
		// the partner hears of the win from the deal, not twice
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM notification WHERE partner_id = ? AND kind LIKE 'REGISTRATION_DEAL%'")
			.param(a.partnerId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void actingOnAWonRegistrationIsRefusedWithItsStatusInWords() {
		var a = this.fixtures.world("Won Refusal Partners");
		var first = this.registrations.register(a.partnerUser(), RegistrationTests.command("Kestrel Mills", null));
		var approved = this.registrations.approve(a.pam(), first.id(), new ApproveCommand(a.ae().userId(), null));
		win(a, approved.opportunityId());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registrations.get(a.pam(), first.id()).status() == RegistrationStatus.DEAL_WON);

		assertThatThrownBy(() -> this.registrations.extend(a.pam(), first.id()))
			.isInstanceOf(com.trellis.shared.ConflictException.class)
			.hasMessage("status: the registration ended when its deal was won; it can no longer be extended");
		assertThatThrownBy(() -> this.registrations.reject(a.pam(), first.id(), "too late"))
			.hasMessage("status: the registration ended when its deal was won; it can no longer be rejected");
		assertThatThrownBy(
				() -> this.registrations.approve(a.pam(), first.id(), new ApproveCommand(a.ae().userId(), null)))
			.hasMessage("status: the registration ended when its deal was won; it can no longer be approved");
	}

	@Test
	void aLaterRegistrationOfAWonCustomerIsDecidedAfresh() {
		var a = this.fixtures.world("Won Customer Incumbent Partners");
		var b = this.fixtures.world("Won Customer Newcomer Partners");
		var first = this.registrations.register(a.partnerUser(),
				RegistrationTests.command("Tessaly Glassworks", "tessaly-glass.com"));
		var approved = this.registrations.approve(a.pam(), first.id(), new ApproveCommand(a.ae().userId(), null));
		win(a, approved.opportunityId());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registrations.get(a.pam(), first.id()).status() == RegistrationStatus.DEAL_WON);

		// the incumbent's expansion deal is no duplicate of its won registration
		var expansion = this.registrations.register(a.partnerUser(),
				RegistrationTests.command("Tessaly Glassworks", "tessaly-glass.com"));
		assertThat(expansion.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(expansion.statusReason()).doesNotContain("Duplicate");

		// another partner's registration waits behind the live registration, not the won
		// one
		var later = this.registrations.register(b.partnerUser(),
				RegistrationTests.command("Tessaly Glassworks", "tessaly-glass.com"));
		assertThat(later.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThat(heldBehind(later.id())).isEqualTo(expansion.id());
		assertThat(later.statusReason())
			.contains("until " + expansion.protectionEndsAt().atZone(this.calendar.zone()).toLocalDate());
	}

	@Test
	void anotherPartnerRegisteringAWonCustomerAwaitsApproval() {
		var a = this.fixtures.world("Won Alone Incumbent Partners");
		var b = this.fixtures.world("Won Alone Newcomer Partners");
		var first = this.registrations.register(a.partnerUser(), RegistrationTests.command("Vellamo Ferries", null));
		var approved = this.registrations.approve(a.pam(), first.id(), new ApproveCommand(a.ae().userId(), null));
		win(a, approved.opportunityId());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registrations.get(a.pam(), first.id()).status() == RegistrationStatus.DEAL_WON);

		var later = this.registrations.register(b.partnerUser(), RegistrationTests.command("Vellamo Ferries", null));
		assertThat(later.status()).isEqualTo(RegistrationStatus.PENDING);
		// and the won registration is no longer among the protections about to end
		assertThat(this.registrations.protectionEnding(a.pam(), a.partnerId(), false, this.clock.instant(),
				this.clock.instant().plus(Duration.ofDays(400)), 50))
			.noneMatch(r -> r.id() == first.id());
	}

	@Test
	void aQueueLeftBehindARegistrationThatEndedIsReleasedByTheNextExpiryRun() throws Exception {
		var a = this.fixtures.world("Left Queue Approved Partners");
		var b = this.fixtures.world("Left Queue Waiting Partners");
		var first = this.registrations.register(a.partnerUser(), RegistrationTests.command("Brassmoor Turbines", null));
		var held = this.registrations.register(b.partnerUser(), RegistrationTests.command("Brassmoor Turbines", null));
		var approved = this.registrations.approve(a.pam(), first.id(), new ApproveCommand(a.ae().userId(), null));
		// as before V167: the deal won, the registration left approved with its deal
		// closed
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON', closed_at = now() WHERE id = ?")
			.param(approved.opportunityId())
			.update();
		this.jdbc.sql("UPDATE deal_registration SET deal_closed_at = now() WHERE id = ?").param(first.id()).update();
		this.template.execute(new String(
				new ClassPathResource("db/migration/V167__registration_deal_won_ends_protection.sql").getInputStream()
					.readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8));
		assertThat(this.registrations.get(a.pam(), first.id()).status()).isEqualTo(RegistrationStatus.DEAL_WON);
		assertThat(this.registrations.get(b.pam(), held.id()).status()).isEqualTo(RegistrationStatus.ON_HOLD);

		this.registrations.expireLapsed();
		this.registrations.expireLapsed();

		assertThat(this.registrations.get(b.pam(), held.id()).status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(this.registrations.history(b.pam(), held.id()))
			.filteredOn(entry -> entry.to() == RegistrationStatus.PENDING && entry.from() == RegistrationStatus.ON_HOLD)
			.hasSize(1);
	}

	@Test
	void aPartnerDealReopenedAfterTheDecisionStopsAnotherPartnersApproval() {
		var a = this.fixtures.world("Reopened Win Incumbent Partners");
		var b = this.fixtures.world("Reopened Win Newcomer Partners");
		var first = this.registrations.register(a.partnerUser(), RegistrationTests.command("Quintessa Looms", null));
		var approved = this.registrations.approve(a.pam(), first.id(), new ApproveCommand(a.ae().userId(), null));
		win(a, approved.opportunityId());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registrations.get(a.pam(), first.id()).status() == RegistrationStatus.DEAL_WON);
		var later = this.registrations.register(b.partnerUser(), RegistrationTests.command("Quintessa Looms", null));
		assertThat(later.status()).isEqualTo(RegistrationStatus.PENDING);

		this.process.moveBack(a.ae(), approved.opportunityId(), Stage.COMMIT, "The customer reopened the order", null);
		// the partner heard of the win, so it hears of the reopening: once, with the
		// reason
		var reopened = "SELECT subject || ' | ' || body FROM notification WHERE partner_id = ? AND kind = 'DEAL_REOPENED'";
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !this.jdbc.sql(reopened).param(a.partnerId()).query(String.class).list().isEmpty());
		assertThat(this.jdbc.sql(reopened).param(a.partnerId()).query(String.class).list()).singleElement()
			.asString()
			.startsWith("Reopened: ")
			.contains("closed won before, was reopened and moved back to ")
			.endsWith(": The customer reopened the order.");

		assertThatThrownBy(
				() -> this.registrations.approve(b.pam(), later.id(), new ApproveCommand(b.ae().userId(), null)))
			.isInstanceOf(com.trellis.shared.ConflictException.class)
			.hasMessageContaining("status")
			.hasMessageContaining("#" + approved.opportunityId());
		assertThat(this.registrations.get(b.pam(), later.id()).status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM opportunity WHERE account_id = ? AND partner_id IS NOT NULL
				   AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				""").param(approved.accountId()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aDealAnImportClosedInThePastEndsItsRegistrationAtTheClosingMoveNotAtTheClock() {
		var a = this.fixtures.world("Backdated Close Partners");
		var first = this.registrations.register(a.partnerUser(), RegistrationTests.command("Harnwick Foundry", null));
		var approved = this.registrations.approve(a.pam(), first.id(), new ApproveCommand(a.ae().userId(), null));
		var deal = this.deals.get(a.pam(), approved.opportunityId());
		var closedAt = this.clock.instant().plus(Duration.ofHours(2));
		// the CRM export that says so is imported ten days later
		this.clock.advance(Duration.ofDays(10));
		var moves = java.util.List.of(new ImportedDeal.Move(Stage.REGISTERED, deal.createdAt()),
				new ImportedDeal.Move(Stage.CLOSED_WON, closedAt));
		this.transactions.executeWithoutResult(tx -> this.dealImport.update(a.pam().actor(), deal.id(),
				new ImportedDeal(deal.accountId(), deal.name(), deal.amount(), deal.currency(), deal.closeDate(),
						deal.ownerId(), deal.createdAt(), moves,
						new ImportedDeal.Credit(a.partnerId(), deal.creditType(), deal.partnerShare())),
				true));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registrations.get(a.pam(), first.id()).status() == RegistrationStatus.DEAL_WON);
		assertThat(this.registrations.history(a.pam(), first.id()))
			.filteredOn(entry -> entry.to() == RegistrationStatus.DEAL_WON)
			.singleElement()
			.satisfies(entry -> assertThat(entry.at()).isEqualTo(closedAt));
		assertThat(this.jdbc.sql("SELECT decided_at, deal_closed_at FROM deal_registration WHERE id = ?")
			.param(first.id())
			.query((rs, n) -> java.util.List.of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
			.single()).containsOnly(closedAt);
	}

	private void win(Fixtures.World world, long opportunityId) {
		this.deals.moveStage(world.ae(), opportunityId, Stage.REGISTERED, Stage.CLOSED_WON, "won", false);
	}

	private Long heldBehind(long id) {
		return this.jdbc.sql("SELECT held_behind_id FROM deal_registration WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

}
