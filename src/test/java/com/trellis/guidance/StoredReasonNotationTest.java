package com.trellis.guidance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.trellis.partners.Tier;
import com.trellis.scoring.Pillar;
import com.trellis.shared.StoredFigures;
import com.trellis.tiers.TierCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each recommendation reason the daily guidance job stores with figures in it reads in an
 * en-US and a de-DE reader's own notation, written while the JVM's default locale is
 * German (which must decide nothing).
 */
class StoredReasonNotationTest {

	private Locale jvmDefault;

	@BeforeEach
	void germanJvm() {
		this.jvmDefault = Locale.getDefault();
		Locale.setDefault(Locale.GERMANY);
	}

	@AfterEach
	void restoreJvm() {
		Locale.setDefault(this.jvmDefault);
	}

	@Test
	void usefulnessRates() {
		var reason = Usefulness.judge(Kind.INTRODUCE_TO_AES, new Usefulness.Counts(40, 12, 40, 10, 6, 25, 5)).reason();
		read(reason, "Helps: accepting it raises the outcome rate by 40.0 %.",
				"Helps: accepting it raises the outcome rate by 40,0 %.");
	}

	@Test
	void anInterventionsRates() {
		var tallies = List.of(new InterventionChoice.Tally(1, Intervention.INTRODUCTION, 6, 4),
				new InterventionChoice.Tally(2, Intervention.TRAINING, 6, 1));
		var choice = InterventionChoice.choose(Pillar.READINESS,
				List.of(new InterventionChoice.Peers("the cohort Q1 starters", java.util.Set.of(1L, 2L, 9L))), tallies);
		assertThat(StoredFigures.render(choice.reason(), Locale.US)).contains("4 of 6 times (66.7 %)");
		assertThat(StoredFigures.render(choice.reason(), Locale.GERMANY)).contains("4 of 6 times (66,7 %)");
	}

	@Test
	void aTierGapsScores() {
		var gap = new TierCard.Gap(Tier.TIER_2_EMERGING,
				List.of(new TierCard.Need("Behaviour", new BigDecimal("42.5"), 55, new BigDecimal("12.5"))), 0, 4,
				"summary");
		var card = new TierCard(7, "Nordwind", Tier.TIER_3_BASELINE, "Tier 3 · Baseline", null, null, "FY2027 W9",
				new BigDecimal("61.0"), new BigDecimal("42.5"), new BigDecimal("50.0"), gap);
		var reason = PartnerRules.tierGap(card).orElseThrow().reason();
		assertThat(StoredFigures.render(reason, Locale.US)).contains("Behaviour 42.5 of 55 needed (12.5 points short)");
		assertThat(StoredFigures.render(reason, Locale.GERMANY))
			.contains("Behaviour 42,5 of 55 needed (12,5 points short)");
	}

	private static void read(String stored, String english, String german) {
		assertThat(StoredFigures.render(stored, Locale.US)).isEqualTo(english);
		assertThat(StoredFigures.render(stored, Locale.GERMANY)).isEqualTo(german);
	}

}
