/**
 * Cohorts (§C15): partners grouped by rule (maturity band, vertical, delivery model) or
 * by hand, each partner's membership history, the awareness → activation → acceleration
 * journey and the cohorts' figures week by week (see {@code docs/scoring.md}).
 */
package com.trellis.cohorts;
