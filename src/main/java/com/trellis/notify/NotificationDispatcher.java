package com.trellis.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.DeliveryBackoff;
import com.trellis.shared.OutboundUrlPolicy;
import com.trellis.shared.StoredFigures;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Delivers pending e-mail and Slack messages. Each delivery row is locked while it is
 * sent ({@code FOR UPDATE SKIP LOCKED}), so two app instances never send the same one,
 * and its outcome is committed with it: delivered, or retried later with a back-off. A
 * Slack URL is checked again just before each request ({@link SlackWebhookRule} and the
 * addresses its host resolves to now, {@link OutboundUrlPolicy}); a refused one is marked
 * failed with the reason and never called. Links are made absolute with
 * {@code trellis.public-base-url}.
 */
@Component
class NotificationDispatcher {

	/** Set when the application shuts down: a drain stops after the row in hand. */
	private volatile boolean closing;

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectProvider<JavaMailSender> mail;

	private final RestClient http;

	private final Clock clock;

	private final String from;

	private final OutboundUrlPolicy.Resolver resolver;

	private final String publicBaseUrl;

	private Locale programLocale = Locale.US;

	@Autowired
	NotificationDispatcher(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> mail,
			RestClient.Builder http, Clock clock, @Value("${trellis.notify.from:trellis@localhost}") String from,
			@Value("${trellis.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this(jdbc, transactions, mail, http.requestFactory(timeouts()).build(), OutboundUrlPolicy.Resolver.system(),
				clock, from, publicBaseUrl);
	}

	/** With another HTTP client and resolver (tests). */
	NotificationDispatcher(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> mail,
			RestClient http, OutboundUrlPolicy.Resolver resolver, Clock clock, String from, String publicBaseUrl) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.mail = mail;
		this.http = http;
		this.resolver = resolver;
		this.clock = clock;
		this.from = from;
		this.publicBaseUrl = publicBaseUrl.replaceFirst("/+$", "");
	}

	/**
	 * The program's locale, for recipients who chose none (set by Spring; tests keep
	 * en-US).
	 */
	@Autowired(required = false)
	void programLocale(BusinessCalendar calendar) {
		this.programLocale = calendar.locale();
	}

	/**
	 * The locale a notice's figures are written in for its recipient: a staff member's
	 * own choice, else the program's (a partner's notice, one without a choice).
	 */
	private Locale reader(String tag) {
		return tag == null || tag.isBlank() ? this.programLocale : Locale.forLanguageTag(tag.strip());
	}

	private static SimpleClientHttpRequestFactory timeouts() {
		var timeouts = new SimpleClientHttpRequestFactory();
		timeouts.setConnectTimeout(Duration.ofSeconds(5));
		timeouts.setReadTimeout(Duration.ofSeconds(10));
		return timeouts;
	}

	@Scheduled(fixedDelayString = "${trellis.notify.dispatch-interval:10s}",
			initialDelayString = "${trellis.notify.dispatch-interval:10s}")
	void scheduled() {
		dispatch();
	}

	/**
	 * Sends every due delivery, one locked row per transaction; returns how many were
	 * delivered.
	 */
	int dispatch() {
		try (var smtp = new MailConnection(this.mail.getIfAvailable())) {
			return com.trellis.shared.OutboxDrain.drain(this.transactions, () -> sendNext(smtp), () -> this.closing);
		}
	}

	/** True when one was delivered, false when one failed, null when none is due. */
	private Boolean sendNext(MailConnection smtp) {
		var now = this.clock.instant();
		var due = this.jdbc.sql("""
				SELECT d.id, d.channel, d.recipient, d.attempts, n.subject, n.body, n.link, u.locale
				FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
				     LEFT JOIN app_user u ON u.id = n.user_id
				WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
				ORDER BY d.next_attempt_at, d.id LIMIT 1 FOR UPDATE OF d SKIP LOCKED
				""").param("now", Timestamp.from(now)).query((rs, n) -> {
			var reader = reader(rs.getString("locale"));
			return new Due(rs.getLong("id"), rs.getString("channel"), rs.getString("recipient"), rs.getInt("attempts"),
					StoredFigures.render(rs.getString("subject"), reader),
					StoredFigures.render(rs.getString("body"), reader), rs.getString("link"));
		}).optional();
		if (due.isEmpty()) {
			return null;
		}
		var delivery = due.get();
		try {
			send(delivery, smtp);
			this.jdbc.sql("""
					UPDATE notification_delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = :now,
					       last_error = NULL WHERE id = :id
					""").param("now", Timestamp.from(now)).param("id", delivery.id()).update();
			return true;
		}
		catch (Refused ex) {
			log.warn("Delivery {} by {} refused: {}", delivery.id(), delivery.channel(), ex.getMessage());
			this.jdbc.sql("""
					UPDATE notification_delivery SET status = 'FAILED', attempts = attempts + 1, last_error = :error
					WHERE id = :id
					""").param("error", "refused: " + ex.getMessage()).param("id", delivery.id()).update();
			return false;
		}
		catch (RuntimeException | jakarta.mail.MessagingException ex) {
			int attempts = delivery.attempts() + 1;
			log.warn("Delivery {} by {} failed (attempt {}): {}", delivery.id(), delivery.channel(), attempts,
					ex.getMessage());
			this.jdbc.sql("""
					UPDATE notification_delivery SET attempts = :attempts, last_error = :error, next_attempt_at = :next,
					       status = CASE WHEN :givesUp THEN 'FAILED' ELSE 'PENDING' END
					WHERE id = :id
					""")
				.param("attempts", attempts)
				.param("error", String.valueOf(ex.getMessage()))
				.param("next", Timestamp.from(now.plus(DeliveryBackoff.after(attempts))))
				.param("givesUp", DeliveryBackoff.givesUp(attempts))
				.param("id", delivery.id())
				.update();
			return false;
		}
	}

	/**
	 * The one {@code Message-ID} of a delivery's e-mail, on the sender's domain:
	 * {@code <notification-delivery-42@example.com>}.
	 */
	String messageId(long deliveryId) {
		var at = this.from.lastIndexOf('@');
		var domain = at < 0 ? "trellis.invalid" : this.from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
		return "<notification-delivery-" + deliveryId + "@" + (domain.isEmpty() ? "trellis.invalid" : domain) + ">";
	}

	private void send(Due delivery, MailConnection smtp) throws jakarta.mail.MessagingException {
		if ("EMAIL".equals(delivery.channel())) {
			MimeMessage message = smtp.createMessage(messageId(delivery.id()));
			var helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(delivery.recipient());
			helper.setSubject(delivery.subject());
			var link = absolute(delivery.link());
			helper.setText(delivery.body() + (link == null ? "" : "\n\nOpen in Trellis: " + link));
			smtp.send(message);
		}
		else {
			var slack = SlackWebhookRule.check(delivery.recipient());
			var now = slack.allowed() ? OutboundUrlPolicy.checkResolved(delivery.recipient(), this.resolver) : slack;
			if (!now.allowed() && now.temporary()) {
				throw new IllegalStateException("url " + now.reason()); // retried with
																		// back-off
			}
			if (!now.allowed()) {
				throw new Refused("url " + now.reason());
			}
			var link = absolute(delivery.link());
			this.http.post()
				.uri(delivery.recipient())
				.contentType(MediaType.APPLICATION_JSON)
				.body(java.util.Map.of("text",
						"*" + delivery.subject() + "*\n" + delivery.body() + (link == null ? "" : "\n<" + link + ">")))
				.retrieve()
				.toBodilessEntity();
		}
	}

	/** A link in Trellis as an absolute URL for mail and Slack, which have no base. */
	String absolute(String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		return link.startsWith("/") ? this.publicBaseUrl + link : link;
	}

	/** A delivery the outbound policy does not allow; never retried. */
	private static final class Refused extends RuntimeException {

		Refused(String reason) {
			super(reason);
		}

	}

	private record Due(long id, String channel, String recipient, int attempts, String subject, String body,
			String link) {
	}

	@org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
	void closing() {
		this.closing = true;
	}

}
