/**
 * Incentives: programs (fast-start SPIFF, referral bonus, quarterly rebate, MDF) earn
 * into an append-only ledger by rule; payout runs pay each earning exactly once; MDF is
 * requested, approved and claimed against proof; badges recognise partners.
 */
package com.trellis.incentives;
