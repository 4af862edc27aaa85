package com.trellis.cohorts;

/**
 * A stage's entry criteria as they apply to one cohort: its own ({@code own} true) or the
 * program's.
 */
public record CohortJourneyCriteria(long cohortId, JourneyStage stage, int minEnablement180, int minDeals180,
		int minWins365, int minAeInvites365, boolean own) {
}
