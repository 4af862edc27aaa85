package com.trellis.activation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.Partners;
import com.trellis.registration.ApproveCommand;
import com.trellis.registration.RegistrationCommand;
import com.trellis.registration.Registrations;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@TrellisTest
class ActivationPlanTests {

	@Autowired
	ActivationPlans plans;

	@Autowired
	ActivationProgress progress;

	@Autowired
	Partners partners;

	@Autowired
	Registrations registrations;

	@Autowired
	Deals deals;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The activation page reads the book a page at a time: its pages, joined, are the
	 * whole book in the same order, and the total counts every plan (before, the page
	 * built every plan of the program per request).
	 */
	@Test
	void theBookPagesJoinedAreTheWholeBook() {
		var admin = this.fixtures.user(Role.ADMIN);
		var whole = this.jdbc.sql("SELECT partner_id FROM activation_plan ORDER BY onboarded_on DESC, partner_id DESC")
			.query(Long.class)
			.list();
		assertThat(whole).hasSizeGreaterThan(3);
		var paged = new java.util.ArrayList<Long>();
		var first = this.plans.book(admin, new com.trellis.shared.PageRequest(0, 3));
		assertThat(first.total()).isEqualTo(whole.size());
		for (int page = 0; page < first.totalPages(); page++) {
			this.plans.book(admin, new com.trellis.shared.PageRequest(page, 3))
				.items()
				.forEach(plan -> paged.add(plan.partnerId()));
		}
		assertThat(paged).containsExactlyElementsOf(whole);
	}

	@Test
	void enteringOnboardingCreatesTheDatedPlanAndRecordsCompleteItself() {
		var prospect = prospect("Fresh Onboarders");
		this.partners.changeLifecycle(prospect.pam(), prospect.partnerId(), LifecycleStatus.ONBOARDING,
				"Contract signed");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM activation_milestone WHERE partner_id = ?")
				.param(prospect.partnerId())
				.query(Long.class)
				.single() == 6);
		var plan = this.plans.plan(prospect.pam(), prospect.partnerId());
		assertThat(plan.onboardedOn()).isEqualTo(LocalDate.of(2026, 11, 22));
		assertThat(plan.milestones()).extracting(ActivationPlanView.Milestone::dueOn)
			.containsExactly(LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 22), LocalDate.of(2026, 12, 22),
					LocalDate.of(2027, 1, 6), LocalDate.of(2027, 1, 21), LocalDate.of(2027, 2, 20));
		assertThat(plan.status()).isEqualTo("IN_PROGRESS");

		this.clock.advance(Duration.ofDays(10));
		var registered = this.registrations.register(prospect.partnerUser(),
				command("Halcyon Labs", "halcyon-labs.io"));
		await().atMost(Duration.ofSeconds(10)).until(() -> completed(prospect.partnerId(), "FIRST_REGISTRATION"));

		var approved = this.registrations.approve(prospect.pam(), registered.id(),
				new ApproveCommand(prospect.ae().userId(), null));
		this.clock.advance(Duration.ofDays(79));
		this.deals.moveStage(prospect.ae(), approved.opportunityId(), Stage.REGISTERED, Stage.CLOSED_WON, "signed",
				false);
		await().atMost(Duration.ofSeconds(10)).until(() -> completed(prospect.partnerId(), "FIRST_WIN"));

		assertThat(this.plans.plan(prospect.pam(), prospect.partnerId()).status()).isEqualTo("ACTIVATED");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM notification WHERE partner_id = ? AND kind = 'FIRST_WIN'")
				.param(prospect.partnerId())
				.query(Long.class)
				.single() == 1);
	}

	@Test
	void aZeroAmountWinIsNoFirstWinAndAnnouncesNothing() {
		var world = prospect("Zero First Winners");
		this.partners.changeLifecycle(world.pam(), world.partnerId(), LifecycleStatus.ONBOARDING, "Signed");
		this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 22));
		long zero = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "0");
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON', amount = 0, closed_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(this.clock.instant()), zero)
			.update();
		this.progress.refresh(world.partnerId());
		assertThat(completed(world.partnerId(), "FIRST_WIN")).isFalse();
		assertThat(this.plans.plan(world.pam(), world.partnerId()).firstWonAt()).isNull();

		this.clock.advance(Duration.ofDays(3));
		long real = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "1");
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON', amount = 25000, closed_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(this.clock.instant()), real)
			.update();
		this.progress.refresh(world.partnerId());
		assertThat(this.plans.plan(world.pam(), world.partnerId()).firstWonAt()).isEqualTo(this.clock.instant());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM notification WHERE partner_id = ? AND kind = 'FIRST_WIN'")
				.param(world.partnerId())
				.query(Long.class)
				.single() == 1);
	}

	@Test
	void aFirstWinOnDay91LeavesThePartnerNotActivated() {
		var world = prospect("Late Winners");
		this.partners.changeLifecycle(world.pam(), world.partnerId(), LifecycleStatus.ONBOARDING, "Signed");
		this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 22));
		this.clock.advance(Duration.ofDays(5));
		var registered = this.registrations.register(world.partnerUser(), command("Ostrava Steel", "ostrava-steel.cz"));
		var approved = this.registrations.approve(world.pam(), registered.id(),
				new ApproveCommand(world.ae().userId(), null));
		this.clock.advance(Duration.ofDays(86));
		this.deals.moveStage(world.ae(), approved.opportunityId(), Stage.REGISTERED, Stage.CLOSED_WON, "signed", false);
		this.progress.daily();
		var plan = this.plans.plan(world.pam(), world.partnerId());
		assertThat(plan.status()).isEqualTo("NOT_ACTIVATED");
		assertThat(this.jdbc.sql("SELECT verdict FROM activation_plan WHERE partner_id = ?")
			.param(world.partnerId())
			.query(String.class)
			.single()).isEqualTo("NOT_ACTIVATED");
	}

	/**
	 * try12: a partner activated on day 24 read "Activated · final at day 90", and its
	 * unticked onboarding milestone stayed overdue (counted on the book, nudged). A fixed
	 * verdict is told by its own reason, and its plan has nothing overdue left to chase.
	 */
	@Test
	void anEarlyActivationReadsWhyAndChasesNoMilestone() {
		var world = prospect("Early Activators");
		this.partners.changeLifecycle(world.pam(), world.partnerId(), LifecycleStatus.ONBOARDING, "Signed");
		this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 22));
		this.clock.advance(Duration.ofDays(5));
		var registered = this.registrations.register(world.partnerUser(), command("Kestrel Mills", "kestrel-mills.io"));
		var approved = this.registrations.approve(world.pam(), registered.id(),
				new ApproveCommand(world.ae().userId(), null));
		this.clock.advance(Duration.ofDays(19));
		this.deals.moveStage(world.ae(), approved.opportunityId(), Stage.REGISTERED, Stage.CLOSED_WON, "signed", false);
		this.progress.refresh(world.partnerId());
		this.progress.daily();
		this.clock.advance(Duration.ofDays(40));
		this.progress.daily();
		assertThat(this.jdbc.sql("SELECT verdict FROM activation_plan WHERE partner_id = ?")
			.param(world.partnerId())
			.query(String.class)
			.single()).isEqualTo("ACTIVATED");
		var plan = this.plans.plan(world.pam(), world.partnerId());
		assertThat(plan.status()).isEqualTo("ACTIVATED");
		assertThat(plan.statusReason()).isEqualTo("registered and won a first deal within 90 days");
		assertThat(plan.overdue()).isZero();
		assertThat(plan.milestones()).anySatisfy(m -> assertThat(m.completedAt()).isNull());
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM notification WHERE partner_id = ? AND kind = 'MILESTONE_OVERDUE'")
					.param(world.partnerId())
					.query(Long.class)
					.single())
			.isZero();
	}

	@Test
	void manualMilestonesNeedEvidenceAndTheirOwner() {
		var world = prospect("Ticking Partners");
		this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 20));
		assertThatThrownBy(
				() -> this.plans.completeMilestone(world.partnerUser(), world.partnerId(), "ICP_ALIGNED", "done"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(
				() -> this.plans.completeMilestone(world.partnerUser(), world.partnerId(), "ACCOUNTS_MAPPED", " "))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("evidence");
		assertThatThrownBy(() -> this.plans.completeMilestone(world.pam(), world.partnerId(), "FIRST_WIN", "trust me"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("completes itself");
		var plan = this.plans.completeMilestone(world.partnerUser(), world.partnerId(), "ACCOUNTS_MAPPED",
				"Shared list of 40 target accounts");
		assertThat(plan.milestones()).filteredOn(m -> m.code().equals("ACCOUNTS_MAPPED"))
			.singleElement()
			.satisfies(m -> assertThat(m.evidence()).isEqualTo("Shared list of 40 target accounts"));
		this.plans.completeMilestone(world.pam(), world.partnerId(), "ICP_ALIGNED", "Workshop held");
	}

	@Test
	void overdueMilestonesNudgeThePartnerOnce() {
		var world = prospect("Overdue Partners");
		this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 22));
		this.clock.advance(Duration.ofDays(47));
		this.progress.daily();
		this.progress.daily();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM notification WHERE partner_id = ? AND kind = 'MILESTONE_OVERDUE'")
				.param(world.partnerId())
				.query(Long.class)
				.single() == 2);
		assertThat(this.plans.plan(world.pam(), world.partnerId()).overdue()).isEqualTo(4);
	}

	@Test
	void blockersAreRecordedByThePamAndCountedAcrossTheProgram() {
		var world = prospect("Blocked Partners");
		this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 22));
		assertThatThrownBy(
				() -> this.plans.recordBlocker(world.partnerUser(), world.partnerId(), Blocker.ICP_UNCLEAR, null))
			.isInstanceOf(AccessDeniedException.class);
		var admin = this.fixtures.user(Role.ADMIN);
		long before = this.plans.blockerCounts(admin).getOrDefault(Blocker.REGISTRATION_FRICTION, 0L);
		var open = this.plans.recordBlocker(world.pam(), world.partnerId(), Blocker.REGISTRATION_FRICTION,
				"Form too long");
		assertThat(this.plans.blockerCounts(admin).get(Blocker.REGISTRATION_FRICTION)).isEqualTo(before + 1);
		this.plans.resolveBlocker(world.pam(), world.partnerId(), open.get(0).id());
		assertThat(this.plans.blockerCounts(admin).getOrDefault(Blocker.REGISTRATION_FRICTION, 0L)).isEqualTo(before);
	}

	@Test
	void theAdminEditsTheTemplateForNewPlansAndThePamSetsTargets() {
		var admin = this.fixtures.user(Role.ADMIN);
		var original = this.plans.template();
		try {
			assertThatThrownBy(() -> this.plans.editTemplate(this.fixtures.user(Role.PAM), original))
				.isInstanceOf(AccessDeniedException.class);
			this.plans.editTemplate(admin,
					List.of(new TemplateMilestone("ACCOUNTS_MAPPED", "Top 25 accounts mapped", 20, "PARTNER")));
			var world = prospect("Templated Partners");
			this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 22));
			var plan = this.plans.plan(world.pam(), world.partnerId());
			assertThat(plan.milestones()).filteredOn(m -> m.code().equals("ACCOUNTS_MAPPED"))
				.singleElement()
				.satisfies(m -> {
					assertThat(m.name()).isEqualTo("Top 25 accounts mapped");
					assertThat(m.dueOn()).isEqualTo(LocalDate.of(2026, 12, 12));
				});
			var targeted = this.plans.setTargets(world.pam(), world.partnerId(),
					new Targets(5, new java.math.BigDecimal("250000"), new java.math.BigDecimal("60000"), "EUR"));
			assertThat(targeted.targetRegistrations()).isEqualTo(5);
			assertThat(targeted.currency()).isEqualTo("EUR");
		}
		finally {
			this.plans.editTemplate(admin, original);
		}
	}

	private boolean completed(long partnerId, String code) {
		return this.jdbc
			.sql("SELECT completed_at IS NOT NULL FROM activation_milestone WHERE partner_id = ? AND code = ?")
			.params(partnerId, code)
			.query(Boolean.class)
			.single();
	}

	private Fixtures.World prospect(String name) {
		var world = this.fixtures.world(name);
		this.jdbc.sql("UPDATE partner SET lifecycle_status = 'PROSPECT', onboarded_on = NULL WHERE id = ?")
			.param(world.partnerId())
			.update();
		this.jdbc.sql(
				"UPDATE opportunity SET stage = 'CLOSED_LOST', closed_at = now() - interval '400 days', created_at = now() - interval '400 days' WHERE id = ?")
			.param(world.dealId())
			.update();
		return world;
	}

	private static RegistrationCommand command(String customer, String domain) {
		return new RegistrationCommand(null, customer, domain, "Replace the legacy order system before Q3",
				new java.math.BigDecimal("30000"), "USD", LocalDate.of(2027, 6, 30), null,
				com.trellis.deals.CreditType.SOURCED);
	}

}
