/**
 * Tiers follow scores: Tier 1 Invest, Tier 2 Emerging and Tier 3 Baseline by the admin's
 * thresholds on readiness, behaviour and trust, held for a number of weekly evaluations
 * before a partner moves, with tier history, overrides that expire, and the tier a
 * partner had on any day (see {@code docs/scoring.md}).
 */
package com.trellis.tiers;
