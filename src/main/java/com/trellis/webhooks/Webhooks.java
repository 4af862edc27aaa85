package com.trellis.webhooks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.OutboundUrlPolicy;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.validation.Commands;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks module's facade: program admins subscribe URLs to event types, change,
 * delete and rotate the secret of a subscription, and read its delivery log. The secret
 * is answered only when it is made.
 */
@Service
public class Webhooks {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Commands commands;

	private final Clock clock;

	private final boolean allowPrivateTargets;

	private final OutboundUrlPolicy.Resolver resolver;

	@Autowired
	Webhooks(JdbcClient jdbc, AuditLog audit, Commands commands, Clock clock,
			@Value("${trellis.webhooks.allow-private-targets:false}") boolean allowPrivateTargets) {
		this(jdbc, audit, commands, clock, allowPrivateTargets, OutboundUrlPolicy.Resolver.system());
	}

	Webhooks(JdbcClient jdbc, AuditLog audit, Commands commands, Clock clock, boolean allowPrivateTargets,
			OutboundUrlPolicy.Resolver resolver) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.commands = commands;
		this.clock = clock;
		this.allowPrivateTargets = allowPrivateTargets;
		this.resolver = resolver;
	}

	@Transactional(readOnly = true)
	public List<WebhookSubscription> list(Viewer viewer) {
		requireAdmin(viewer);
		return this.jdbc.sql("SELECT * FROM webhook_subscription ORDER BY id").query(Webhooks::subscription).list();
	}

	@Transactional(readOnly = true)
	public WebhookSubscription get(Viewer viewer, long id) {
		requireAdmin(viewer);
		return find(id);
	}

	/**
	 * Runs the checks of {@link #create} and {@link #update} without changing anything,
	 * so that a body with unreadable fields or broken annotations also names the rule
	 * problems of the rest ({@code BodyChecks}).
	 */
	public void check(Viewer viewer, WebhookCommand command) {
		requireAdmin(viewer);
		checked(command);
	}

	@Transactional
	public WebhookSecret create(Viewer viewer, WebhookCommand command) {
		requireAdmin(viewer);
		var types = checked(command);
		var secret = WebhookSignature.newSecret();
		var now = Timestamp.from(this.clock.instant());
		long id = this.jdbc
			.sql("""
					INSERT INTO webhook_subscription (url, event_types, description, secret, enabled, created_by, created_at,
					                                  updated_at)
					VALUES (:url, :types, :description, :secret, TRUE, :by, :now, :now) RETURNING id
					""")
			.param("url", OutboundUrlPolicy.asciiHost(command.url()))
			.param("types", types)
			.param("description", blankToNull(command.description()))
			.param("secret", secret)
			.param("by", viewer.userId())
			.param("now", now)
			.query(Long.class)
			.single();
		var created = find(id);
		this.audit.record(viewer.actor(), "webhook-subscription", id, "created", null, created);
		return new WebhookSecret(created, secret);
	}

	@Transactional
	public WebhookSubscription update(Viewer viewer, long id, WebhookCommand command) {
		requireAdmin(viewer);
		var before = find(id);
		var types = checked(command);
		boolean enabled = command.enabled() == null ? before.enabled() : command.enabled();
		this.jdbc.sql("""
				UPDATE webhook_subscription SET url = :url, event_types = :types, description = :description,
				       enabled = :enabled, disabled_reason = CASE WHEN :enabled THEN NULL ELSE disabled_reason END,
				       updated_at = :now
				WHERE id = :id
				""")
			.param("url", OutboundUrlPolicy.asciiHost(command.url()))
			.param("types", types)
			.param("description", blankToNull(command.description()))
			.param("enabled", enabled)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.update();
		var after = find(id);
		this.audit.record(viewer.actor(), "webhook-subscription", id, "updated", before, after);
		return after;
	}

	@Transactional
	public void delete(Viewer viewer, long id) {
		requireAdmin(viewer);
		var before = find(id);
		this.jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id").param("id", id).update();
		this.audit.record(viewer.actor(), "webhook-subscription", id, "deleted", before, null);
	}

	/** A new secret; the old one stops signing at once. */
	@Transactional
	public WebhookSecret rotateSecret(Viewer viewer, long id) {
		requireAdmin(viewer);
		var subscription = find(id);
		var secret = WebhookSignature.newSecret();
		this.jdbc.sql("UPDATE webhook_subscription SET secret = :secret, updated_at = :now WHERE id = :id")
			.param("secret", secret)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.update();
		this.audit.record(viewer.actor(), "webhook-subscription", id, "secret rotated", null, null);
		return new WebhookSecret(subscription, secret);
	}

	/** A subscription's deliveries, newest first, each with its attempts. */
	@Transactional(readOnly = true)
	public PageResult<WebhookDelivery> deliveries(Viewer viewer, long id, PageRequest page) {
		requireAdmin(viewer);
		find(id);
		long total = this.jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE subscription_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		var rows = this.jdbc.sql("""
				SELECT d.*, m.type, m.created_at FROM webhook_delivery d JOIN webhook_message m ON m.id = d.message_id
				WHERE d.subscription_id = :id ORDER BY m.created_at DESC, d.id DESC LIMIT :size OFFSET :offset
				""")
			.param("id", id)
			.param("size", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new WebhookDelivery(rs.getLong("id"), rs.getString("message_id"), rs.getString("type"),
					rs.getString("status"), rs.getInt("attempts"), (Integer) rs.getObject("last_status_code"),
					rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
					instant(rs, "delivered_at"), List.of()))
			.list();
		var withLog = new ArrayList<WebhookDelivery>();
		for (var d : rows) {
			var log = this.jdbc.sql("""
					SELECT attempted_at, status_code, duration_ms, error FROM webhook_attempt WHERE delivery_id = :id
					ORDER BY attempted_at, id
					""")
				.param("id", d.id())
				.query((rs, n) -> new WebhookDelivery.Attempt(instant(rs, "attempted_at"),
						(Integer) rs.getObject("status_code"), rs.getInt("duration_ms"), rs.getString("error")))
				.list();
			withLog.add(new WebhookDelivery(d.id(), d.messageId(), d.type(), d.status(), d.attempts(),
					d.lastStatusCode(), d.lastError(), d.createdAt(), d.nextAttemptAt(), d.deliveredAt(), log));
		}
		return new PageResult<>(withLog, page.page(), page.size(), total);
	}

	private String[] checked(WebhookCommand command) {
		// every bad field in one answer: the constraints, then the rules of the fields
		// that
		// passed them
		var errors = new ArrayList<>(this.commands.errors(command));
		var named = errors.stream().map(e -> e.field().replaceAll("\\[.*", "")).toList();
		if (!named.contains("url")) {
			var target = WebhookTargetRule.decide(command.url(), this.allowPrivateTargets, this.resolver);
			if (!target.allowed()) {
				errors.add(new InvalidInputException.FieldError("url", target.reason()));
			}
		}
		var types = new LinkedHashSet<String>();
		for (var type : named.contains("eventTypes") ? List.<String>of() : command.eventTypes()) {
			if (WebhookEventType.ofWireName(type.strip()).isEmpty()) {
				errors.add(new InvalidInputException.FieldError("eventTypes", "unknown event type '" + type.strip()
						+ "'; known are " + String.join(", ", WebhookEventType.wireNames())));
			}
			types.add(type.strip());
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return types.toArray(String[]::new);
	}

	private WebhookSubscription find(long id) {
		return this.jdbc.sql("SELECT * FROM webhook_subscription WHERE id = :id")
			.param("id", id)
			.query(Webhooks::subscription)
			.optional()
			.orElseThrow(() -> new NotFoundException("Webhook subscription", id));
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("only a program admin manages webhooks");
		}
	}

	private static WebhookSubscription subscription(ResultSet rs, int n) throws SQLException {
		Array types = rs.getArray("event_types");
		return new WebhookSubscription(rs.getLong("id"), rs.getString("url"),
				Arrays.asList((String[]) types.getArray()), rs.getString("description"), rs.getBoolean("enabled"),
				rs.getString("disabled_reason"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
