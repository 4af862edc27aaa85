package com.trellis.process;

import java.time.Duration;
import java.util.List;

import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.shared.ConflictException;
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
class SalesProcessTests {

	@Autowired
	SalesProcess process;

	@Autowired
	StageConfiguration configuration;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDealCannotAdvanceWhileItsStageChecklistIsOpen() {
		var world = this.fixtures.world("Checklist Partners");
		var ae = world.ae();
		this.process.tick(ae, world.dealId(), "Budget confirmed", true);
		this.process.tick(ae, world.dealId(), "Timing confirmed", true);

		assertThatThrownBy(() -> this.process.advance(ae, world.dealId())).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("checklist")
			.hasMessageContaining("Fit confirmed");
		assertThat(this.process.of(ae, world.dealId()).missing()).containsExactly("Fit confirmed");

		this.process.tick(ae, world.dealId(), "Fit confirmed", true);
		var advanced = this.process.advance(ae, world.dealId());
		assertThat(advanced.deal().stage()).isEqualTo(Stage.JOINT_WORKING);
		assertThat(advanced.checklist()).allMatch(item -> !item.ticked());
		assertThat(this.jdbc.sql("SELECT to_stage FROM opportunity_stage_change WHERE opportunity_id = ? ORDER BY id")
			.param(world.dealId())
			.query(String.class)
			.list()).containsExactly("JOINT_WORKING");
	}

	@Test
	void jointWorkingNamesTheRelationshipAndTechnicalOwnersBeforeItAdvances() {
		var world = this.fixtures.world("Joint Partners");
		var ae = world.ae();
		completeAndAdvance(ae, world.dealId());
		for (var item : this.process.of(ae, world.dealId()).current().checklist()) {
			this.process.tick(ae, world.dealId(), item, true);
		}
		assertThatThrownBy(() -> this.process.advance(ae, world.dealId())).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("jointOwners");
		this.process.setJointOwners(ae, world.dealId(), new JointOwners("Partner: Nora North", "Vendor SE team"));
		assertThat(this.process.advance(ae, world.dealId()).deal().stage()).isEqualTo(Stage.COMMIT);
	}

	@Test
	void onlyTheStageOwnerActsOnIt() {
		var world = this.fixtures.world("Owner Partners");
		assertThatThrownBy(() -> this.process.tick(world.pam(), world.dealId(), "Budget confirmed", true))
			.isInstanceOf(AccessDeniedException.class)
			.hasMessage("In Qualified, only the deal's owner, their manager or a program admin may act on this deal");
		// a sales manager refused is told whose manager acts, not that sales managers do
		var otherManager = this.fixtures.user(Role.SALES_MANAGER);
		assertThatThrownBy(() -> this.process.tick(otherManager, world.dealId(), "Budget confirmed", true))
			.hasMessageContaining("the deal's owner, their manager");
		assertThatThrownBy(() -> this.process.tick(world.partnerUser(), world.dealId(), "Budget confirmed", true))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aMoveFromAStageTheDealHasLeftIsAConflictEvenWhenTheNewStageBelongsToAnotherRole() {
		var world = this.fixtures.world("Seen Stage Partners");
		// the deal is in Qualified (the AE's); the PAM decided on Registered, which is
		// theirs
		for (var move : List.<Runnable>of(() -> this.process.advance(world.pam(), world.dealId(), Stage.REGISTERED),
				() -> this.process.moveBack(world.pam(), world.dealId(), Stage.REGISTERED, "why", Stage.REGISTERED),
				() -> this.process.disqualify(world.pam(), world.dealId(), "why", Stage.REGISTERED))) {
			assertThatThrownBy(move::run).isInstanceOf(ConflictException.class).hasMessageContaining("moved it");
		}
	}

	@Test
	void anExecutiveAboveTheRepStillCannotActOnTheDeal() {
		var executive = this.fixtures.user(Role.EXECUTIVE);
		var manager = this.fixtures.user(Role.SALES_MANAGER, null, executive.userId());
		var world = this.fixtures.world("Hierarchy Partners");
		this.jdbc.sql("UPDATE app_user SET manager_id = ? WHERE id = ?")
			.params(manager.userId(), world.ae().userId())
			.update();
		assertThatThrownBy(() -> this.process.tick(executive, world.dealId(), "Budget confirmed", true))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.process.disqualify(executive, world.dealId(), "no"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.process.tick(manager, world.dealId(), "Budget confirmed", true).checklist())
			.anyMatch(DealProcess.ChecklistItem::ticked);
	}

	@Test
	void disqualifyingNeedsAReasonAndTellsThePartner() {
		var world = this.fixtures.world("Disqualified Partners");
		assertThatThrownBy(() -> this.process.disqualify(world.ae(), world.dealId(), " "))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("reason");
		var closed = this.process.disqualify(world.ae(), world.dealId(), "No budget this year");
		assertThat(closed.deal().stage()).isEqualTo(Stage.CLOSED_LOST);
		assertThat(closed.disqualification()).isEqualTo("No budget this year");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM notification WHERE partner_id = ? AND kind = 'DEAL_DISQUALIFIED'")
				.param(world.partnerId())
				.query(Long.class)
				.single() == 1);
		assertThat(this.jdbc.sql("SELECT body FROM notification WHERE partner_id = ? AND kind = 'DEAL_DISQUALIFIED'")
			.param(world.partnerId())
			.query(String.class)
			.single()).endsWith("was disqualified: No budget this year");
	}

	@Test
	void movingBackNeedsAReasonAndAnEarlierStage() {
		var world = this.fixtures.world("Backwards Partners");
		assertThatThrownBy(() -> this.process.moveBack(world.ae(), world.dealId(), Stage.REGISTERED, ""))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.process.moveBack(world.ae(), world.dealId(), Stage.COMMIT, "later"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("toStage");
		assertThat(this.process.moveBack(world.ae(), world.dealId(), Stage.REGISTERED, "Customer re-scoping")
			.deal()
			.stage()).isEqualTo(Stage.REGISTERED);
	}

	@Test
	void pagingThroughStalledDealsThatStalledAtTheSameMomentListsEachOnce() {
		var world = this.fixtures.world("Same Moment Partners");
		var ids = new java.util.HashSet<Long>();
		ids.add(world.dealId());
		ids.addAll(
				this.fixtures.partnerDeals(world.accountId(), world.ae().userId(), world.partnerId(), "1000.00", 300));
		this.clock.advance(Duration.ofDays(30));
		var admin = this.fixtures.user(Role.ADMIN);
		int size = 45;
		var first = this.process.stalled(admin, com.trellis.shared.PageRequest.of(0, size));
		var listed = java.util.stream.IntStream.range(0, first.totalPages())
			.mapToObj(page -> this.process.stalled(admin, com.trellis.shared.PageRequest.of(page, size)))
			.flatMap(result -> result.items().stream())
			.map(s -> s.stalled().deal().id())
			.filter(ids::contains)
			.toList();
		assertThat(listed).hasSize(ids.size()).doesNotHaveDuplicates();
	}

	@Test
	void aDealPastItsStageNormIsListedAsStalledWithWhoMustAct() {
		var world = this.fixtures.world("Stalling Partners");
		this.clock.advance(Duration.ofDays(30));
		// other tests leave stalled deals in the shared database: look on every page
		var admin = this.fixtures.user(Role.ADMIN);
		var first = this.process.stalled(admin, com.trellis.shared.PageRequest.of(0, 200));
		var mine = java.util.stream.IntStream.range(0, first.totalPages())
			.mapToObj(page -> this.process.stalled(admin, com.trellis.shared.PageRequest.of(page, 200)))
			.flatMap(result -> result.items().stream())
			.filter(s -> s.stalled().deal().id() == world.dealId())
			.findFirst();
		assertThat(mine).isPresent();
		assertThat(mine.get().stalled().daysInStage()).isEqualTo(30);
		assertThat(mine.get().actor()).isEqualTo(world.ae().name() + ", AE (deal owner)");
		assertThat(this.process.of(world.ae(), world.dealId()).stalled()).isTrue();
	}

	@Test
	void switchingAStageOffSkipsItWithoutStrandingDealsAlreadyThere() {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Reconfigured Partners");
		var inJoint = this.fixtures.world("Reconfigured Joint Partners");
		completeAndAdvance(inJoint.ae(), inJoint.dealId());
		var original = this.process.stages();
		try {
			assertThatThrownBy(() -> this.configuration.configure(admin, List.of(off(original, Stage.QUALIFIED),
					off(original, Stage.JOINT_WORKING), off(original, Stage.COMMIT))))
				.isInstanceOf(InvalidInputException.class);
			this.configuration.configure(admin, List.of(off(original, Stage.JOINT_WORKING)));

			var skipped = completeAndAdvance(world.ae(), world.dealId());
			assertThat(skipped.deal().stage()).isEqualTo(Stage.COMMIT);

			var stranded = this.process.of(inJoint.ae(), inJoint.dealId());
			assertThat(stranded.current().code()).isEqualTo(Stage.JOINT_WORKING);
			assertThat(stranded.path()).extracting(StageDefinition::code).contains(Stage.JOINT_WORKING);
		}
		finally {
			this.configuration.configure(admin, original);
		}
	}

	/**
	 * try01: Qualified's checklist saved as "Budget confirmed", "Budget confirmed" and
	 * "budget confirmed"; one tick marked them all. Refused naming the checklist, and
	 * nothing changes.
	 */
	@Test
	void aChecklistNamingAnItemTwiceIsRefused() {
		var admin = this.fixtures.user(Role.ADMIN);
		var original = this.process.stages();
		var s = original.stream().filter(d -> d.code() == Stage.QUALIFIED).findFirst().orElseThrow();
		var repeated = new StageDefinition(s.code(), s.position(), s.name(), s.ownerRole(), s.exitCriterion(),
				List.of("Budget confirmed", "Timing agreed", " budget\u00a0 CONFIRMED"), s.normDays(), true);
		assertThatThrownBy(() -> this.configuration.configure(admin, List.of(repeated)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("checklist")
			.hasMessageContaining("items 1 and 3");
		assertThat(this.process.stages()).isEqualTo(original);
	}

	private DealProcess completeAndAdvance(com.trellis.identity.Viewer ae, long dealId) {
		for (var item : this.process.of(ae, dealId).current().checklist()) {
			this.process.tick(ae, dealId, item, true);
		}
		return this.process.advance(ae, dealId);
	}

	private static StageDefinition off(List<StageDefinition> stages, Stage code) {
		var s = stages.stream().filter(d -> d.code() == code).findFirst().orElseThrow();
		return new StageDefinition(s.code(), s.position(), s.name(), s.ownerRole(), s.exitCriterion(), s.checklist(),
				s.normDays(), false);
	}

}
