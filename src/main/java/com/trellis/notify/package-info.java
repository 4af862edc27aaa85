/**
 * Closes the loop with partners: every outcome that matters reaches the partner of record
 * in its portal inbox, by e-mail and, where configured, in Slack, exactly once with
 * retries.
 */
package com.trellis.notify;
