/**
 * Outbound webhooks: a program admin subscribes a URL to event types; each event becomes
 * a JSON message signed per the Standard Webhooks specification and delivered through a
 * durable outbox with retries, with a delivery log per subscription.
 */
package com.trellis.webhooks;
