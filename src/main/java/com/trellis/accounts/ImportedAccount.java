package com.trellis.accounts;

import java.time.Instant;

/**
 * An account as a CRM export describes it, with the day it was created there.
 *
 * @param webDomain a bare domain such as example.com, or null when the export has none
 */
public record ImportedAccount(String name, String webDomain, String industry, long ownerId, Instant createdAt) {
}
