package com.trellis.notify;

import java.util.Optional;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's Slack incoming webhook as its PAM or a program admin sets it, from the page
 * or the API: checked by {@link SlackWebhookRule}, audited with the address shortened
 * (the path of a webhook URL is its secret).
 */
@Service
public class PartnerSlackChannel {

	private final Notifications notifications;

	private final Partners partners;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	PartnerSlackChannel(Notifications notifications, Partners partners, JdbcClient jdbc, AuditLog audit) {
		this.notifications = notifications;
		this.partners = partners;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Optional<String> of(Viewer viewer, long partnerId) {
		requireManages(viewer, partnerId);
		return current(partnerId);
	}

	@Transactional
	public void set(Viewer viewer, long partnerId, String url) {
		requireManages(viewer, partnerId);
		var before = current(partnerId).map(PartnerSlackChannel::shortened).orElse(null);
		this.notifications.setSlackWebhook(partnerId, url);
		var after = current(partnerId).map(PartnerSlackChannel::shortened).orElse(null);
		if (!java.util.Objects.equals(before, after) || after != null) {
			this.audit.record(viewer.actor(), "partner-slack-webhook", partnerId,
					(after == null) ? "Slack webhook cleared" : "Slack webhook set", before, after);
		}
	}

	private void requireManages(Viewer viewer, long partnerId) {
		if (!this.partners.canEdit(viewer, this.partners.get(viewer, partnerId))) {
			throw new AccessDeniedException("Only the partner's PAM or a program admin sets its Slack webhook");
		}
	}

	private Optional<String> current(long partnerId) {
		return this.jdbc.sql("SELECT slack_webhook_url FROM partner_channel WHERE partner_id = :partner")
			.param("partner", partnerId)
			.query(String.class)
			.optional();
	}

	/** The address without its secret path: what the audit log and the page show. */
	static String shortened(String url) {
		int path = url.indexOf("/services/");
		if (path < 0 || url.length() < path + 14) {
			return "(set)";
		}
		return url.substring(0, path + 10) + "…" + url.substring(url.length() - 4);
	}

}
