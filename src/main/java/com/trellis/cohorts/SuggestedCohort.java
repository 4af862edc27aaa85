package com.trellis.cohorts;

import java.util.List;

/** A cohort the rule split suggests: its key, its name, why, and its partners. */
public record SuggestedCohort(String key, String name, String basis, int size, List<Long> partnerIds) {
}
