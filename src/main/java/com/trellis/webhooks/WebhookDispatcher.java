package com.trellis.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import com.trellis.audit.AuditLog;
import com.trellis.shared.OutboundUrlPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries, one row per transaction: the row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and held while the request is made, and the outcome
 * ({@link DeliveryOutcome}) and the attempt are committed with it, so two instances never
 * send the same delivery and a delivered one is never sent again. Each attempt is signed
 * anew with its own {@code webhook-timestamp}; the {@code webhook-id} stays the
 * message's. Redirects are not followed; the target is checked again just before each
 * request.
 * <p>
 * {@code trellis.webhooks.dispatch-workers} drains (default 4) run at once, and the claim
 * also locks the delivery's subscription, so each subscription has at most one request in
 * flight (its deliveries go in the order they fall due; one waiting for its retry does
 * not hold back later ones, try11) while the others go on: a receiver that hangs holds up
 * only its own deliveries, not every subscription's (s56, try62: each pending message to
 * a dead receiver delayed everyone by the 10 s timeout). The lock is
 * {@code FOR NO KEY UPDATE}: new deliveries of the subscription (their key checks) are
 * not held up by a request in flight; an admin's edit of the subscription waits for it.
 */
@Component
class WebhookDispatcher {

	/** Set when the application shuts down: a drain stops after the row in hand. */
	private volatile boolean closing;

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	private final boolean allowPrivateTargets;

	private final OutboundUrlPolicy.Resolver resolver = OutboundUrlPolicy.Resolver.system();

	// HTTP/1.1: over plain http the client's default offers an h2c upgrade on each POST,
	// which some receivers and proxies mishandle (try72)
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final int workers;

	private final java.util.concurrent.ExecutorService pool;

	WebhookDispatcher(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit, Clock clock,
			@Value("${trellis.webhooks.allow-private-targets:false}") boolean allowPrivateTargets,
			@Value("${trellis.webhooks.dispatch-workers:4}") int workers) {
		if (workers < 1 || workers > 32) {
			throw new IllegalStateException("trellis.webhooks.dispatch-workers must be 1 to 32, got " + workers);
		}
		this.workers = workers;
		this.pool = java.util.concurrent.Executors.newFixedThreadPool(workers, runnable -> {
			var thread = new Thread(runnable, "webhook-dispatch");
			thread.setDaemon(true);
			return thread;
		});
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
		this.allowPrivateTargets = allowPrivateTargets;
	}

	@Scheduled(fixedDelayString = "${trellis.webhooks.dispatch-interval:10s}",
			initialDelayString = "${trellis.webhooks.dispatch-interval:10s}")
	void scheduled() {
		dispatch();
	}

	/**
	 * Sends every due delivery, {@link #workers} at once; returns how many were
	 * delivered. A drain that finds nothing to claim ends, also when the rows it passed
	 * were only held for a moment by another drain's claim (a claim that skips a row
	 * keeps the locks it took on its other tables until its transaction ends), so the
	 * drains run again as long as the last round claimed anything.
	 */
	int dispatch() {
		int delivered = 0;
		var claimed = new java.util.concurrent.atomic.AtomicInteger();
		do {
			claimed.set(0);
			delivered += round(() -> {
				var outcome = sendNext();
				if (outcome != null) {
					claimed.incrementAndGet();
				}
				return outcome;
			});
		}
		while (claimed.get() > 0 && !this.closing && !Thread.currentThread().isInterrupted());
		return delivered;
	}

	private int round(java.util.function.Supplier<Boolean> claimNext) {
		if (this.closing) {
			return 0; // the pool is shut down; the next instance to start sends the rest
		}
		var drains = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
		for (int i = 0; i < this.workers; i++) {
			drains.add(this.pool
				.submit(() -> com.trellis.shared.OutboxDrain.drain(this.transactions, claimNext, () -> this.closing)));
		}
		int delivered = 0;
		for (var drain : drains) {
			try {
				delivered += drain.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return delivered;
			}
			catch (java.util.concurrent.ExecutionException ex) {
				log.warn("A webhook drain stopped: {}", ex.getCause().toString());
			}
		}
		return delivered;
	}

	/** True when one was delivered, false when one was not, null when none is due. */
	private Boolean sendNext() {
		var now = this.clock.instant();
		var due = this.jdbc.sql("""
				SELECT d.id, d.attempts, d.subscription_id, m.id AS message_id, m.body, s.url, s.secret
				FROM webhook_delivery d
				JOIN webhook_message m ON m.id = d.message_id
				JOIN webhook_subscription s ON s.id = d.subscription_id
				WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND s.enabled
				ORDER BY d.next_attempt_at, d.id LIMIT 1 FOR NO KEY UPDATE OF d, s SKIP LOCKED
				""")
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getInt("attempts"), rs.getLong("subscription_id"),
					rs.getString("message_id"), rs.getString("body"), rs.getString("url"), rs.getString("secret")))
			.optional();
		if (due.isEmpty()) {
			return null;
		}
		var delivery = due.get();
		int attempts = delivery.attempts() + 1;
		var target = WebhookTargetRule.decide(delivery.url(), this.allowPrivateTargets, this.resolver);
		if (!target.allowed() && !target.temporary()) {
			var reason = "refused: url " + target.reason();
			attempt(delivery, now, null, 0, reason);
			this.jdbc
				.sql("""
						UPDATE webhook_delivery SET status = 'FAILED', attempts = :attempts, last_error = :error WHERE id = :id
						""")
				.param("attempts", attempts)
				.param("error", reason)
				.param("id", delivery.id())
				.update();
			return false;
		}
		long started = System.nanoTime();
		Integer statusCode = null;
		String error = null;
		try {
			if (target.allowed()) {
				statusCode = send(delivery, now.getEpochSecond());
			}
			else {
				error = "url " + target.reason(); // asked again with back-off
			}
		}
		catch (IOException | RuntimeException ex) {
			error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		int millis = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
		var outcome = DeliveryOutcome.of(statusCode, attempts);
		attempt(delivery, now, statusCode, millis, error);
		record(delivery, attempts, statusCode, error, outcome, now);
		return outcome.verdict() == DeliveryOutcome.Verdict.DELIVERED;
	}

	private int send(Due delivery, long timestamp) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(delivery.url().strip()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("webhook-id", delivery.messageId())
			.header("webhook-timestamp", String.valueOf(timestamp))
			.header("webhook-signature",
					WebhookSignature.sign(delivery.secret(), delivery.messageId(), timestamp, delivery.body()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private void record(Due delivery, int attempts, Integer statusCode, String error, DeliveryOutcome outcome,
			java.time.Instant now) {
		var lastError = error != null ? shorten(error) : outcome.reason();
		switch (outcome.verdict()) {
			case DELIVERED -> this.jdbc.sql("""
					UPDATE webhook_delivery SET status = 'DELIVERED', attempts = :attempts, last_status_code = :code,
					       last_error = NULL, delivered_at = :now WHERE id = :id
					""")
				.param("attempts", attempts)
				.param("code", statusCode)
				.param("now", Timestamp.from(now))
				.param("id", delivery.id())
				.update();
			case RETRY -> this.jdbc.sql("""
					UPDATE webhook_delivery SET attempts = :attempts, last_status_code = :code, last_error = :error,
					       next_attempt_at = :next WHERE id = :id
					""")
				.param("attempts", attempts)
				.param("code", statusCode)
				.param("error", lastError)
				.param("next", Timestamp.from(now.plus(outcome.retryAfter())))
				.param("id", delivery.id())
				.update();
			case GIVE_UP, DISABLE -> {
				this.jdbc.sql("""
						UPDATE webhook_delivery SET status = 'FAILED', attempts = :attempts, last_status_code = :code,
						       last_error = :error WHERE id = :id
						""")
					.param("attempts", attempts)
					.param("code", statusCode)
					.param("error", outcome.reason())
					.param("id", delivery.id())
					.update();
				if (outcome.verdict() == DeliveryOutcome.Verdict.DISABLE) {
					disable(delivery.subscriptionId(), outcome.reason(), now);
				}
			}
		}
		if (outcome.verdict() != DeliveryOutcome.Verdict.DELIVERED) {
			log.warn("Webhook delivery {} to subscription {}: {}", delivery.id(), delivery.subscriptionId(), lastError);
		}
	}

	private void disable(long subscriptionId, String reason, java.time.Instant now) {
		int changed = this.jdbc.sql("""
				UPDATE webhook_subscription SET enabled = FALSE, disabled_reason = :reason, updated_at = :now
				WHERE id = :id AND enabled
				""").param("reason", reason).param("now", Timestamp.from(now)).param("id", subscriptionId).update();
		if (changed > 0) {
			this.audit.record(AuditLog.Actor.SYSTEM, "webhook-subscription", subscriptionId, "disabled: " + reason,
					null, null);
		}
	}

	private void attempt(Due delivery, java.time.Instant now, Integer statusCode, int millis, String error) {
		this.jdbc.sql("""
				INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, duration_ms, error)
				VALUES (:delivery, :now, :code, :millis, :error)
				""")
			.param("delivery", delivery.id())
			.param("now", Timestamp.from(now))
			.param("code", statusCode)
			.param("millis", millis)
			.param("error", error == null ? null : shorten(error))
			.update();
	}

	private static String shorten(String text) {
		return text.length() <= 500 ? text : text.substring(0, 500);
	}

	private record Due(long id, int attempts, long subscriptionId, String messageId, String body, String url,
			String secret) {
	}

	@org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
	void closing() {
		this.closing = true;
		this.pool.shutdown();
	}

}
