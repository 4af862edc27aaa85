package com.trellis.accounts;

/**
 * An account as conflict detection sees it.
 */
public record CustomerRecord(long accountId, String name, String registrableDomain, String normalizedName) {
}
