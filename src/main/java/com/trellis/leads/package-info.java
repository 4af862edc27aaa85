/**
 * Partner leads (§C10): a partner hands a customer lead to the vendor, it is routed to an
 * account executive who accepts it (optionally as a partner-sourced deal) or declines it,
 * and records the first follow-up against a configurable deadline.
 */
package com.trellis.leads;
