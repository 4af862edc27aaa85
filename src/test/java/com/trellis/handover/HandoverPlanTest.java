package com.trellis.handover;

import java.util.Map;
import java.util.Set;

import com.trellis.handover.HandoverPlan.Receiver;
import com.trellis.handover.HandoverPlan.Refusal;
import com.trellis.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandoverPlanTest {

	private static final long LEAVER = 1;

	private static final Receiver AMY_AE = new Receiver(2, "Amy", Role.AE, true, true);

	private static final Receiver PIA_PAM = new Receiver(3, "Pia", Role.PAM, true, true);

	private static final Map<Kind, Long> REP_WORK = Map.of(Kind.ACCOUNTS, 3L, Kind.DEALS, 5L, Kind.LEADS, 1L,
			Kind.PARTNERS, 0L);

	@Test
	void oneReceiverTakesEveryKindTheLeaverHolds() {
		var decision = HandoverPlan.decide(LEAVER, REP_WORK, AMY_AE, Map.of());
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.moves()).containsOnlyKeys(Kind.ACCOUNTS, Kind.DEALS, Kind.LEADS);
	}

	@Test
	void aPartnerBookGoesToAPamNamedForItWhileTheRestGoesToTheRep() {
		var held = Map.of(Kind.ACCOUNTS, 2L, Kind.PARTNERS, 4L);
		var decision = HandoverPlan.decide(LEAVER, held, AMY_AE, Map.of(Kind.PARTNERS, PIA_PAM));
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.moves()).containsEntry(Kind.ACCOUNTS, AMY_AE).containsEntry(Kind.PARTNERS, PIA_PAM);
	}

	@Test
	void aRepCannotTakeAPartnerBookAndTheFieldUsedIsNamed() {
		var held = Map.of(Kind.ACCOUNTS, 2L, Kind.PARTNERS, 4L);
		var decision = HandoverPlan.decide(LEAVER, held, AMY_AE, Map.of());
		assertThat(decision.refusals()).containsExactly(new Refusal("toUserId",
				"the 4 partners in their book go to a partner account manager; Amy is an account executive"));
	}

	@Test
	void aReceiverNamedForWorkTheLeaverDoesNotHoldMustStillBeSomeone() {
		// try51: {"toUserId": -1} for a user holding nothing answered 200, nothing moved
		var decision = HandoverPlan.decide(LEAVER, Map.of(), Receiver.unknown(-1),
				Map.of(Kind.DEALS, new Receiver(LEAVER, "Lee", Role.AE, true, true)));
		assertThat(decision.refusals()).containsExactly(
				new Refusal("dealsToUserId", "must be someone other than the user whose work is handed over"),
				new Refusal("toUserId", "no user has the id -1"));
		assertThat(HandoverPlan.decide(LEAVER, Map.of(), null, Map.of()).allowed()).isTrue();
	}

	@Test
	void eachKindHeldNeedsSomeone() {
		var decision = HandoverPlan.decide(LEAVER, REP_WORK, null, Map.of(Kind.DEALS, AMY_AE));
		assertThat(decision.refusals()).extracting(Refusal::field).containsExactly("accountsToUserId", "leadsToUserId");
		assertThat(decision.refusals().get(0).reason()).isEqualTo("name who takes the 3 accounts");
	}

	@Test
	void nothingHeldNeedsNoOne() {
		var decision = HandoverPlan.decide(LEAVER, Map.of(), null, Map.of());
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.moves()).isEmpty();
	}

	@Test
	void aDeactivatedUnknownOrSameReceiverIsRefused() {
		var held = Map.of(Kind.ACCOUNTS, 1L, Kind.DEALS, 1L, Kind.LEADS, 1L);
		var decision = HandoverPlan.decide(LEAVER, held, null,
				Map.of(Kind.ACCOUNTS, new Receiver(4, "Lea", Role.AE, false, true), Kind.DEALS, Receiver.unknown(99),
						Kind.LEADS, new Receiver(LEAVER, "Leaver", Role.AE, true, true)));
		assertThat(decision.refusals()).containsExactly(
				new Refusal("accountsToUserId", "Lea is deactivated; name an active user"),
				new Refusal("dealsToUserId", "no user has the id 99"),
				new Refusal("leadsToUserId", "must be someone other than the user whose work is handed over"));
	}

	@Test
	void theLeaverNamedAsTheReceiverForEverythingIsOneErrorOnToUserId() {
		var decision = HandoverPlan.decide(LEAVER, REP_WORK, new Receiver(LEAVER, "Leaver", Role.AE, true, true),
				Map.of());
		assertThat(decision.refusals())
			.containsExactly(new Refusal("toUserId", "must be someone other than the user whose work is handed over"));
	}

	@Test
	void differentReasonsOnOneFieldAreOneErrorWithEachReasonOnce() {
		var held = Map.of(Kind.ACCOUNTS, 1L, Kind.DEALS, 2L, Kind.PARTNERS, 1L);
		var decision = HandoverPlan.decide(LEAVER, held, new Receiver(5, "Lea", Role.AE, false, true), Map.of());
		assertThat(decision.refusals())
			.containsExactly(new Refusal("toUserId", "Lea is deactivated; name an active user"));
	}

	@Test
	void aManagersReportsGoToTheChosenManagerButNeverToOneOfTheirOwnReports() {
		var held = Map.of(Kind.REPORTS, 2L);
		var moved = HandoverPlan.decide(LEAVER, held, null, Map.of(Kind.REPORTS, PIA_PAM), Set.of(4L, 5L));
		assertThat(moved.allowed()).isTrue();
		assertThat(moved.moves()).containsEntry(Kind.REPORTS, PIA_PAM);
		var ownReport = new Receiver(4, "Rita", Role.AE, true, true);
		var refused = HandoverPlan.decide(LEAVER, held, null, Map.of(Kind.REPORTS, ownReport), Set.of(4L, 5L));
		assertThat(refused.refusals()).singleElement()
			.satisfies(r -> assertThat(r.field()).isEqualTo("reportsToUserId"))
			.satisfies(r -> assertThat(r.reason()).startsWith("Rita reports to the user whose work is handed over"));
		var none = HandoverPlan.decide(LEAVER, held, null, Map.of(), Set.of(4L, 5L));
		assertThat(none.refusals()).singleElement()
			.satisfies(r -> assertThat(r.reason()).isEqualTo("name who takes the 2 direct reports"));
	}

}
