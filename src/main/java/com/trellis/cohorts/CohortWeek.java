package com.trellis.cohorts;

import java.time.LocalDate;

/**
 * A cohort's journey in one fiscal week: how many of its partners stood at each stage at
 * the week's end, and how many of them moved stage during the week.
 */
public record CohortWeek(long cohortId, String cohort, LocalDate weekStart, String fiscalWeek, int awareness,
		int activation, int acceleration, int moved) {
}
