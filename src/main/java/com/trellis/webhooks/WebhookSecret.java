package com.trellis.webhooks;

/**
 * A subscription with its signing secret ({@code whsec_…}), answered once: when it is
 * created and when the secret is rotated.
 */
public record WebhookSecret(WebhookSubscription subscription, String secret) {
}
