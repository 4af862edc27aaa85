package com.trellis.deals;

import java.time.Instant;

/**
 * An open deal as the conflict check weighs it against a new registration: which deal, on
 * which account, with which partner (null for a direct deal) and since when it exists.
 * Read from the index of open deals by account alone
 * ({@code opportunity_open_account_claim_idx}, V177).
 *
 * @param id the deal
 * @param accountId its account
 * @param partnerId the partner on it, or null
 * @param createdAt when the deal was created (the database's moment, to the microsecond)
 */
public record OpenDealClaim(long id, long accountId, Long partnerId, Instant createdAt) {
}
