package com.trellis.deals;

import java.time.Instant;

/**
 * When a partner was first on a deal and first won one.
 */
public record PartnerFirsts(Instant firstDeal, Instant firstWin) {
}
