package com.trellis.webhooks;

import com.trellis.identity.ExistingRecord;

import org.springframework.stereotype.Component;

/** The subscription in the path exists (404 before the body is read). */
@Component
class WebhookChecks extends ExistingRecord {

	WebhookChecks(Webhooks webhooks) {
		super(webhooks::get);
	}

}
