package com.trellis.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The events a subscription can ask for, by the name that appears as {@code type} in the
 * payload.
 */
public enum WebhookEventType {

	REGISTRATION_SUBMITTED("registration.submitted"), REGISTRATION_DECIDED("registration.decided"),
	DEAL_WON("deal.won"), DEAL_LOST("deal.lost"), DEAL_REOPENED("deal.reopened"),
	PARTNER_LIFECYCLE_CHANGED("partner.lifecycle_changed"), PARTNER_TIER_CHANGED("partner.tier_changed"),
	PAYOUT_MADE("payout.made"), LEAD_ROUTED("lead.routed"), CREDIT_DISPUTE_DECIDED("credit_dispute.decided");

	private final String wireName;

	WebhookEventType(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

	static Optional<WebhookEventType> ofWireName(String name) {
		return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
	}

	static List<String> wireNames() {
		return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
	}

}
