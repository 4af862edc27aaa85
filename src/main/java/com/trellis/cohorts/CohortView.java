package com.trellis.cohorts;

import java.time.Instant;

/**
 * A cohort: by rule or by hand, why its partners are together, and how many partners are
 * in it now ({@code inBook}: of them, the PAM's own; all for admins and executives).
 */
public record CohortView(long id, String name, String kind, String basis, int members, int inBook, Instant createdAt) {
}
