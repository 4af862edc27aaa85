package com.trellis.leads;

/**
 * A lead reached an account executive (on submission or when the PAM picked the rep).
 * Published inside the transaction that routed it.
 */
public record LeadRouted(long leadId, long partnerId, long repId) {
}
