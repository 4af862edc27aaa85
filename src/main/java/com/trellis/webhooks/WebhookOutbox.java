package com.trellis.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.trellis.credit.CreditDisputeDecided;
import com.trellis.deals.DealClosed;
import com.trellis.deals.DealReopened;
import com.trellis.incentives.PayoutMade;
import com.trellis.leads.LeadRouted;
import com.trellis.partners.PartnerLifecycleChanged;
import com.trellis.partners.PartnerTierChanged;
import com.trellis.registration.DealRegistered;
import com.trellis.registration.RegistrationDecided;
import com.trellis.shared.ImportScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the events subscribers may ask for into messages and one pending delivery per
 * enabled subscription, written in the transaction that published the event (under a
 * savepoint): the message exists exactly when the change it reports committed, and a
 * message that cannot be written is logged and left out without undoing the change.
 * Nothing is written when no subscription asks for the type, nor for a change an import
 * writes ({@link ImportScope}): an import brings history in, it announces nothing (a
 * close recorded by an import sends no {@code deal.won} or {@code deal.lost};
 * docs/webhooks.md), nor for what a listener reacting to an import's event changes later
 * in a transaction of its own (the event carries its origin, {@link ImportScope.Origin}).
 */
@Component
class WebhookOutbox {

	private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	private final DealWonData dealWon;

	WebhookOutbox(JdbcClient jdbc, ObjectMapper json, Clock clock, PlatformTransactionManager transactionManager,
			DealWonData dealWon) {
		this.dealWon = dealWon;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** A won deal is sent with its account, partner, money, close, owner and credit. */
	@EventListener
	void on(DealClosed event) {
		if (event.won()) {
			write(WebhookEventType.DEAL_WON, () -> this.dealWon.of(List.of(event.opportunityId())).get(0));
		}
		else {
			write(WebhookEventType.DEAL_LOST, EventData.DealLost.of(event));
		}
	}

	@EventListener
	void on(DealReopened event) {
		write(WebhookEventType.DEAL_REOPENED, EventData.Reopened.of(event));
	}

	@EventListener
	void on(DealRegistered event) {
		write(WebhookEventType.REGISTRATION_SUBMITTED, event);
	}

	@EventListener
	void on(RegistrationDecided event) {
		write(WebhookEventType.REGISTRATION_DECIDED, event);
	}

	@EventListener
	void on(PartnerLifecycleChanged event) {
		write(WebhookEventType.PARTNER_LIFECYCLE_CHANGED, EventData.LifecycleChanged.of(event));
	}

	@EventListener
	void on(PartnerTierChanged event) {
		write(WebhookEventType.PARTNER_TIER_CHANGED, EventData.TierChanged.of(event));
	}

	@EventListener
	void on(PayoutMade event) {
		write(WebhookEventType.PAYOUT_MADE, event);
	}

	@EventListener
	void on(LeadRouted event) {
		write(WebhookEventType.LEAD_ROUTED, event);
	}

	@EventListener
	void on(CreditDisputeDecided event) {
		write(WebhookEventType.CREDIT_DISPUTE_DECIDED, event);
	}

	/** Writes the message and its deliveries; returns the message id, or null. */
	String write(WebhookEventType type, Object data) {
		return write(type, () -> data);
	}

	/**
	 * As {@link #write(WebhookEventType, Object)}, with data read only when some
	 * subscription wants the type.
	 */
	String write(WebhookEventType type, Supplier<?> data) {
		try {
			// checked before the savepoint: each savepoint costs more the more events the
			// transaction has published, and most events have no subscriber
			if (ImportScope.active() || !wanted(type)) {
				return null;
			}
			return this.savepoint.execute(status -> insert(type, data.get()));
		}
		catch (DataAccessException | tools.jackson.core.JacksonException ex) {
			log.error("A {} webhook message could not be written and is left out: {}", type.wireName(),
					ex.getMessage());
			return null;
		}
	}

	private boolean wanted(WebhookEventType type) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM webhook_subscription WHERE enabled AND :type = ANY (event_types))")
			.param("type", type.wireName())
			.query(Boolean.class)
			.single();
	}

	private String insert(WebhookEventType type, Object data) {
		var now = this.clock.instant();
		var payload = new LinkedHashMap<String, Object>();
		payload.put("type", type.wireName());
		payload.put("timestamp", now.toString());
		payload.put("data", data);
		var id = "msg_" + UUID.randomUUID().toString().replace("-", "");
		this.jdbc.sql("INSERT INTO webhook_message (id, type, body, created_at) VALUES (:id, :type, :body, :now)")
			.param("id", id)
			.param("type", type.wireName())
			.param("body", this.json.writeValueAsString(payload))
			.param("now", Timestamp.from(now))
			.update();
		this.jdbc.sql("""
				INSERT INTO webhook_delivery (subscription_id, message_id, status, next_attempt_at)
				SELECT s.id, :id, 'PENDING', :now FROM webhook_subscription s
				WHERE s.enabled AND :type = ANY (s.event_types)
				""").param("id", id).param("now", Timestamp.from(now)).param("type", type.wireName()).update();
		return id;
	}

}
