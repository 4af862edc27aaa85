package com.trellis.guidance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestComposerTests {

	private static final LocalDate WEEK = LocalDate.of(2026, 11, 30);

	private static final String BASE = "https://trellis.example.test";

	@Test
	void theDigestListsTheTopFiveBestFirstWithTheirReasonsAbsoluteLinksAndWhatIsNew() {
		var waiting = new ArrayList<RecommendationView>();
		for (int i = 1; i <= 7; i++) {
			waiting.add(recommendation(i, "Move deal " + i + " forward",
					"Deal " + i + " has been " + (20 + i) + " days in Qualified where the norm is 14 days.",
					"/opportunities/" + i));
		}

		var digest = DigestComposer.compose("Ada Admin", WEEK, waiting, Set.of(2L), BASE).orElseThrow();

		assertThat(digest.subject()).isEqualTo("Your guidance for the week of 2026-11-30: 7 recommendations");
		assertThat(digest.listed()).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(digest.body()).startsWith("Hello Ada Admin,\n\nyour top 5 of 7 recommendations, best first:\n")
			.contains("""

					1. Move deal 1 forward (Stalled deal, new)
					   Why: Deal 1 has been 21 days in Qualified where the norm is 14 days.
					   Open the deal: https://trellis.example.test/opportunities/1
					""")
			.contains("\n2. Move deal 2 forward (Stalled deal)\n")
			.contains("\n5. Move deal 5 forward (Stalled deal, new)\n")
			.doesNotContain("deal 6", "/opportunities/7")
			.endsWith("2 more are waiting. Accept, dismiss or snooze them on https://trellis.example.test/guidance;"
					+ " a dismissed or accepted recommendation never comes back, a snoozed one only after its day.");
	}

	@Test
	void aSingleRecommendationIsListedWholeAndNothingWaitingSendsNoDigest() {
		var one = List.of(recommendation(9, "Tick the exit criteria of Kestrel", "2 of 3 exit criteria are open.",
				"/opportunities/9"));

		var digest = DigestComposer.compose("Bo", WEEK, one, Set.of(), BASE).orElseThrow();

		assertThat(digest.subject()).isEqualTo("Your guidance for the week of 2026-11-30: 1 recommendation");
		assertThat(digest.body()).contains("what to do next, best first:\n\n1. Tick the exit criteria of Kestrel")
			.doesNotContain("more");
		assertThat(DigestComposer.compose("Bo", WEEK, List.of(), Set.of(), BASE)).isEmpty();
	}

	private static RecommendationView recommendation(long id, String title, String reason, String link) {
		return new RecommendationView(id, Kind.STALLED_DEAL, Kind.STALLED_DEAL.label(), null, title, reason,
				"Open the deal", link, "OPEN", null, null, WEEK.minusDays(3), null, null);
	}

}
