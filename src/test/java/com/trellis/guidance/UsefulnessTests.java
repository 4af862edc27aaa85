package com.trellis.guidance;

import java.math.BigDecimal;
import java.util.Locale;

import com.trellis.shared.StoredFigures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsefulnessTests {

	@Test
	void introductionsThatLeadToRegistrationsHelpByTheHandComputedLift() {
		// 40 shown, 12 accepted of which 10 decided and 6 met; 25 not acted on decided, 5
		// met
		var verdict = Usefulness.judge(Kind.INTRODUCE_TO_AES, new Usefulness.Counts(40, 12, 40, 10, 6, 25, 5));

		assertThat(verdict.acceptance()).isEqualByComparingTo("0.3000");
		assertThat(verdict.acceptedRate()).isEqualByComparingTo("0.6000");
		assertThat(verdict.idleRate()).isEqualByComparingTo("0.2000");
		assertThat(verdict.lift()).isEqualByComparingTo("0.4000");
		assertThat(verdict.rankedDown()).isFalse();
		assertThat(StoredFigures.render(verdict.reason(), Locale.US))
			.isEqualTo("Helps: accepting it raises the outcome rate by 40.0 %.");
	}

	@Test
	void kindWhoseAcceptedOnesDoNoBetterIsRankedDown() {
		var verdict = Usefulness.judge(Kind.STALLING_INTERVENTION, new Usefulness.Counts(40, 12, 40, 10, 2, 20, 4));

		assertThat(verdict.lift()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(verdict.rankedDown()).isTrue();
		assertThat(StoredFigures.render(verdict.reason(), Locale.US))
			.isEqualTo("Ranked down: accepted ones led to the outcome 20.0 % of the time,"
					+ " ones not acted on 20.0 %; accepting it does not help.");
	}

	@Test
	void kindHardlyAnyoneAcceptsIsRankedDown() {
		var verdict = Usefulness.judge(Kind.STALLED_DEAL, new Usefulness.Counts(30, 2, 30, 0, 0, 0, 0));

		assertThat(verdict.rankedDown()).isTrue();
		assertThat(StoredFigures.render(verdict.reason(), Locale.US))
			.isEqualTo("Ranked down: 2 of 30 decided or shown at least 14 days ago accepted, fewer than one in ten.");
	}

	@Test
	void fewOutcomesKeepTheDefaultOrder() {
		var verdict = Usefulness.judge(Kind.INTRODUCE_TO_AES, new Usefulness.Counts(8, 3, 8, 3, 0, 4, 2));

		assertThat(verdict.rankedDown()).isFalse();
		assertThat(StoredFigures.render(verdict.reason(), Locale.US))
			.startsWith("Default order: not enough decided outcomes yet");
	}

	@Test
	void recommendationsShownTooRecentlyToActOnDoNotRankAKindDown() {
		// the fresh demo: 575 stalled deals shown, none accepted yet, none 14 days old
		var verdict = Usefulness.judge(Kind.STALLED_DEAL, new Usefulness.Counts(575, 0, 0, 0, 0, 0, 0));

		assertThat(verdict.rankedDown()).isFalse();
		assertThat(verdict.acceptance()).isNull();
		assertThat(StoredFigures.render(verdict.reason(), Locale.US)).startsWith("Default order");
	}

	@Test
	void onlyTheOnesThatHadTheirChanceCountTowardsTheAcceptanceRate() {
		// 600 shown, 3 accepted, 25 of them decided or old enough: 3 of 25 is 12 %
		var verdict = Usefulness.judge(Kind.STALLED_DEAL, new Usefulness.Counts(600, 3, 25, 0, 0, 0, 0));

		assertThat(verdict.acceptance()).isEqualByComparingTo("0.1200");
		assertThat(verdict.rankedDown()).isFalse();
	}

}
