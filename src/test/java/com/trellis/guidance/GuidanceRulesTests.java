package com.trellis.guidance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.trellis.activation.ActivationPlanView;
import com.trellis.deals.CreditType;
import com.trellis.deals.DealSource;
import com.trellis.deals.OpportunityView;
import com.trellis.deals.Stage;
import com.trellis.deals.StalledDeal;
import com.trellis.partners.Tier;
import com.trellis.process.OpenChecklists;
import com.trellis.process.SalesProcess;
import com.trellis.registration.RegistrationStatus;
import com.trellis.registration.RegistrationView;
import com.trellis.scoring.DriftLine;
import com.trellis.scoring.HighPotentialLine;
import com.trellis.scoring.Pillar;
import com.trellis.shared.StoredFigures;
import com.trellis.tiers.TierCard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuidanceRulesTests {

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	@Test
	void highPotentialPartnerIsToBeIntroducedToAesWithItsEvidence() {
		var line = new HighPotentialLine(7, "Nordwind", new BigDecimal("81.0"), new BigDecimal("77.5"),
				new BigDecimal("40.0"), new BigDecimal("0.00"),
				"Readiness and behaviour in the top quarter, pipeline below the median.",
				"certified delivery staff 18.0 points, portal logins 12.0 points");

		var advice = PamRules.readyForIntroduction(line);

		assertThat(advice.kind()).isEqualTo(Kind.INTRODUCE_TO_AES);
		assertThat(advice.title()).isEqualTo("Introduce Nordwind to account executives");
		assertThat(StoredFigures.render(advice.reason(), Locale.US))
			.isEqualTo("Readiness and behaviour in the top quarter, pipeline below the median."
					+ " Strongest signals: certified delivery staff 18.0 points, portal logins 12.0 points."
					+ " Pipeline in the last 180 days: USD 0.00.");
		assertThat(advice.actionLink()).isEqualTo("/partners/7/overlaps");
		assertThat(advice.partnerId()).isEqualTo(7L);
	}

	/** low31: a partner's name holding a figure part read as a figure in the title. */
	@Test
	void aPartnersNameHoldingAFigurePartReadsAsWritten() {
		var line = new HighPotentialLine(7, "{percent:5} Partners {", new BigDecimal("81.0"), new BigDecimal("77.5"),
				new BigDecimal("40.0"), new BigDecimal("0.00"), "High.", null);

		var advice = PamRules.readyForIntroduction(line);

		assertThat(StoredFigures.render(advice.title(), Locale.GERMANY))
			.isEqualTo("Introduce {percent:5} Partners { to account executives");
	}

	@Test
	void aReasonShowsItsAmountWithTheCurrencyAndGroupedAsThePagesDo() {
		var line = new HighPotentialLine(7, "Nordwind", new BigDecimal("81.0"), new BigDecimal("77.5"),
				new BigDecimal("40.0"), new BigDecimal("89182.00"), "Little pipeline.", null);

		assertThat(StoredFigures.render(PamRules.readyForIntroduction(line).reason(), Locale.US))
			.endsWith(" Pipeline in the last 180 days: USD 89,182.00.")
			.doesNotContain("89182");
	}

	@Test
	void stallingReadinessCallsForTrainingWithTheSignalsBehindIt() {
		var line = new DriftLine(7, "Nordwind", Pillar.READINESS, "STALLING", new BigDecimal("-2.10"),
				LocalDate.of(2026, 11, 2), "Down 2.1 points a week over 6 weeks (p = 0.010).",
				"certified delivery staff -6.0 points", Instant.parse("2026-11-30T05:40:00Z"));

		var advice = PamRules.stalling(line).orElseThrow();

		assertThat(advice.title()).isEqualTo("Plan training for Nordwind");
		assertThat(StoredFigures.render(advice.reason(), Locale.US))
			.isEqualTo("Nordwind's readiness score is stalling since the"
					+ " week of 2026-11-02: Down 2.1 points a week over 6 weeks (p = 0.010). Signals behind it: certified"
					+ " delivery staff -6.0 points. Readiness rests on certified staff and applied enablement, so training"
					+ " is the intervention.");
		assertThat(advice.subject()).isEqualTo("partner:7:READINESS:2026-11-02");
	}

	@Test
	void buildingScoreAsksForNoIntervention() {
		var line = new DriftLine(7, "Nordwind", Pillar.BEHAVIOUR, "BUILDING", new BigDecimal("2.00"),
				LocalDate.of(2026, 11, 2), "Up.", "", Instant.parse("2026-11-30T05:40:00Z"));

		assertThat(PamRules.stalling(line)).isEmpty();
	}

	@Test
	void partnerShortOfTheNextTierIsToldEachScoreAndThePointsMissing() {
		var gap = new TierCard.Gap(Tier.TIER_2_EMERGING,
				List.of(new TierCard.Need("Behaviour", new BigDecimal("42.0"), 55, new BigDecimal("13.0"))), 0, 4,
				"Behaviour needs 13.0 more points, then 4 weekly evaluations there.");
		var card = new TierCard(7, "Nordwind", Tier.TIER_3_BASELINE, "Tier 3 · Baseline", null, null, "FY2027 W9",
				new BigDecimal("61.0"), new BigDecimal("42.0"), new BigDecimal("50.0"), gap);

		var advice = PartnerRules.tierGap(card).orElseThrow();

		assertThat(advice.title()).isEqualTo("Close the gap to Tier 2 · Emerging");
		assertThat(StoredFigures.render(advice.reason(), Locale.US))
			.isEqualTo("Your scores of FY2027 W9 against Tier 2 · Emerging: Behaviour 42.0 of 55"
					+ " needed (13.0 points short). Behaviour needs 13.0 more points, then 4 weekly evaluations there.");
		assertThat(advice.actionLink()).isEqualTo("/partners/7/tier");
	}

	@Test
	void partnerAtTheTopTierHasNoGap() {
		var card = new TierCard(7, "Nordwind", Tier.TIER_1_INVEST, "Tier 1 · Invest", null, null, "FY2027 W9", null,
				null, null, new TierCard.Gap(null, List.of(), 0, 0, "Tier 1 is the highest tier."));

		assertThat(PartnerRules.tierGap(card)).isEmpty();
	}

	@Test
	void nextMilestoneIsTheOpenOneDueFirst() {
		var done = new ActivationPlanView.Milestone(1, "KICKOFF", "Kick-off call", LocalDate.of(2026, 10, 10), "PAM",
				null, Instant.parse("2026-10-09T10:00:00Z"), "call", false);
		var later = new ActivationPlanView.Milestone(3, "FIRST_WIN", "First won deal", LocalDate.of(2027, 1, 20),
				"PARTNER", "deals", null, null, false);
		var next = new ActivationPlanView.Milestone(2, "FIRST_REG", "First deal registration",
				LocalDate.of(2026, 11, 20), "PARTNER", "registrations", null, null, true);
		var plan = new ActivationPlanView(7, LocalDate.of(2026, 10, 1), 60, 3, new BigDecimal("100000"),
				new BigDecimal("50000"), "EUR", null, null, "AT_RISK", "", List.of(done, later, next), List.of());

		var advice = PartnerRules.nextMilestone(plan).orElseThrow();

		assertThat(advice.title()).isEqualTo("Complete \"First deal registration\" by 2026-11-20");
		assertThat(StoredFigures.render(advice.reason(), Locale.US))
			.isEqualTo("The next milestone of your activation plan, day 60 since onboarding; due"
					+ " 2026-11-20, already overdue, completed by itself once the records show it.");
	}

	@Test
	void stalledDealNamesDaysNormAndWhoActs() {
		var deal = deal(41, "Acme rollout", Stage.QUALIFIED);
		var stalled = new SalesProcess.Stalled(new StalledDeal(deal, 45, 30), "Qualified",
				"Ann Example, AE (deal owner)");

		var advice = DealRules.stalled(stalled);

		assertThat(advice.title()).isEqualTo("Move Acme rollout forward");
		assertThat(StoredFigures.render(advice.reason(), Locale.US)).isEqualTo(
				"Acme rollout has been 45 days in Qualified where the norm is 30 days; Ann Example, AE (deal owner) acts next.");
		assertThat(advice.actionLink()).isEqualTo("/opportunities/41");
	}

	@Test
	void openExitCriteriaAreCountedOnTheDeal() {
		var advice = DealRules.exitCriteria(new OpenChecklists.Waiting(41, "Acme rollout", "Qualified", 2, 3));

		assertThat(StoredFigures.render(advice.reason(), Locale.US)).isEqualTo(
				"2 of 3 exit criteria of Qualified are still open; the deal cannot advance until they are ticked.");
	}

	@Test
	void approvedRegistrationEndingWithinTwoWeeksIsExpiring() {
		var today = LocalDate.of(2026, 11, 30);
		var ends = Instant.parse("2026-12-09T22:59:00Z");

		var advice = DealRules.expiring(registration(RegistrationStatus.APPROVED, ends), today, ZONE).orElseThrow();

		assertThat(advice.title()).isEqualTo("Protection of Acme GmbH ends on 2026-12-09");
		assertThat(StoredFigures.render(advice.reason(), Locale.US))
			.isEqualTo("The registration of Acme GmbH is protected until 2026-12-09, in 9 days;"
					+ " extend it or move the deal on before then.");
	}

	@Test
	void registrationEndingLaterOrNotApprovedIsNotExpiring() {
		var today = LocalDate.of(2026, 11, 30);
		assertThat(DealRules.expiring(registration(RegistrationStatus.APPROVED, Instant.parse("2026-12-20T10:00:00Z")),
				today, ZONE))
			.isEmpty();
		assertThat(DealRules.expiring(registration(RegistrationStatus.PENDING, Instant.parse("2026-12-05T10:00:00Z")),
				today, ZONE))
			.isEmpty();
	}

	private static OpportunityView deal(long id, String name, Stage stage) {
		return new OpportunityView(id, 3, "Acme GmbH", name, new BigDecimal("1000.00"), "EUR", stage,
				LocalDate.of(2026, 12, 31), 5, DealSource.PARTNER, 7L, CreditType.SOURCED, new BigDecimal("15"),
				Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"), null);
	}

	private static RegistrationView registration(RegistrationStatus status, Instant ends) {
		return new RegistrationView(9, 7, 11, 3L, "Acme GmbH", "acme.example", "need", new BigDecimal("1000.00"), "EUR",
				LocalDate.of(2027, 1, 31), CreditType.SOURCED, new BigDecimal("15"), status, null, false,
				Instant.parse("2026-09-01T00:00:00Z"), null, ends, false, null, null);
	}

}
