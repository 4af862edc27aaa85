package com.trellis.accounts;

/**
 * An account that may be a company, as {@link Accounts#companyCandidates} finds it: the
 * account as the matcher compares it, and its owning account executive (null when none).
 */
public record AccountCandidate(CustomerRecord customer, Long ownerAeId) {
}
