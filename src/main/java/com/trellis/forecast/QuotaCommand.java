package com.trellis.forecast;

import java.math.BigDecimal;

/**
 * Sets a quota or target for a quarter, in the reporting currency.
 *
 * @param scope REP, MANAGER, PAM, or PARTNERS for the program's partner target
 * @param scopeId the rep's, manager's or PAM's user id (none for PARTNERS)
 * @param quarter such as {@code 2026-Q4}
 * @param amount zero or more, with at most the reporting currency's decimals
 */
public record QuotaCommand(Scope.Kind scope, Long scopeId, String quarter, BigDecimal amount) {
}
