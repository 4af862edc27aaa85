package com.trellis.registration;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.trellis.deals.CreditType;
import com.trellis.identity.Viewer;
import com.trellis.shared.SqlPipeline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every read for a viewer binds {@code :scopePartner}, so a partner user only ever reads
 * its own partner's registrations.
 */
@Repository
class RegistrationRepository {

	static final String SCOPE = "(CAST(:scopePartner AS BIGINT) IS NULL OR partner_id = :scopePartner)";

	static final String COLUMNS = """
			id, partner_id, registered_by, account_id, customer_name, customer_domain, customer_need, amount, currency,
			expected_close_date, credit_type, partner_share, status, status_reason, held_behind_id, direct_conflict_id,
			submitted_at, sla_due_at, protection_ends_at, extended, approved_at, opportunity_id
			""";

	private final JdbcClient jdbc;

	private final org.springframework.jdbc.core.JdbcOperations operations;

	RegistrationRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcOperations operations) {
		this.jdbc = jdbc;
		this.operations = operations;
	}

	/** Sends the caller's pipeline in one round trip, in the caller's transaction. */
	void send(SqlPipeline pipeline) {
		pipeline.send(this.operations);
	}

	/**
	 * Inserts a registration with its first history entry (to its status, by its
	 * registrant, at its submission, for the {@code history} reason) and the claims it
	 * records (in their order, detected at its submission) in one statement, and returns
	 * it as stored, without reading it again.
	 */
	Row insert(Map<String, Object> values, String history, List<ConflictCandidate> claims) {
		return this.jdbc
			.sql("""
					WITH r AS (
					INSERT INTO deal_registration (partner_id, registered_by, account_id, customer_name, customer_domain,
					    registrable_domain, normalized_name, name_shape, customer_need, amount, currency, expected_close_date, credit_type,
					    partner_share, status, status_reason, held_behind_id, direct_conflict_id, submitted_at, sla_due_at,
					    protection_ends_at, conflicts_found)
					VALUES (:partner, :registeredBy, :account, :customerName, :customerDomain, :registrable, :normalized, :shape,
					    :need, :amount, :currency, :closeDate, :credit, :share, :status, :reason, :heldBehind, :directConflict,
					    :submittedAt, :slaDueAt, :protectionEndsAt, :conflictsFound)
					RETURNING %s, registrable_domain, normalized_name
					), h AS (
					INSERT INTO registration_history (registration_id, from_status, to_status, actor_id, at, reason)
					SELECT id, NULL, status, registered_by, submitted_at, :history FROM r
					), k AS (
					INSERT INTO registration_conflict (registration_id, candidate_kind, candidate_id, partner_id, match_kind,
					    score, reason, detected_at)
					SELECT r.id, c.kind, c.candidate, c.partner, c.match, CAST(c.score AS NUMERIC(4, 3)), c.reason, r.submitted_at
					FROM r CROSS JOIN %s
					ORDER BY c.n)
					SELECT * FROM r
					"""
				.formatted(COLUMNS, ConflictRepository.CLAIMS))
			.params(values)
			.param("history", history)
			.params(ConflictRepository.claims(claims))
			.query(RegistrationRepository::row)
			.single();
	}

	/**
	 * As {@link #insert(Map, String, List)}, added to the caller's pipeline with the id
	 * drawn before ({@link #nextId}), and returned as it will be stored — built from the
	 * values as the columns keep them (amounts at four decimals, shares at two, moments
	 * in microseconds: the caller passes moments truncated to them), without waiting for
	 * the database.
	 */
	Row insert(SqlPipeline pipeline, long id, Map<String, Object> values, String history,
			List<ConflictCandidate> claims) {
		var params = new HashMap<String, Object>(values);
		params.put("id", id);
		params.put("history", history);
		params.putAll(ConflictRepository.claims(claims));
		pipeline
			.update("""
					WITH r AS (
					INSERT INTO deal_registration (id, partner_id, registered_by, account_id, customer_name, customer_domain,
					    registrable_domain, normalized_name, name_shape, customer_need, amount, currency, expected_close_date, credit_type,
					    partner_share, status, status_reason, held_behind_id, direct_conflict_id, submitted_at, sla_due_at,
					    protection_ends_at, conflicts_found)
					VALUES (:id, :partner, :registeredBy, :account, :customerName, :customerDomain, :registrable, :normalized, :shape,
					    :need, :amount, :currency, :closeDate, :credit, :share, :status, :reason, :heldBehind, :directConflict,
					    :submittedAt, :slaDueAt, :protectionEndsAt, :conflictsFound)
					RETURNING id, status, registered_by, submitted_at
					), h AS (
					INSERT INTO registration_history (registration_id, from_status, to_status, actor_id, at, reason)
					SELECT id, NULL, status, registered_by, submitted_at, :history FROM r
					)
					INSERT INTO registration_conflict (registration_id, candidate_kind, candidate_id, partner_id, match_kind,
					    score, reason, detected_at)
					SELECT r.id, c.kind, c.candidate, c.partner, c.match, CAST(c.score AS NUMERIC(4, 3)), c.reason, r.submitted_at
					FROM r CROSS JOIN %s
					ORDER BY c.n
					"""
				.formatted(ConflictRepository.CLAIMS), params);
		return stored(id, values);
	}

	/** A registration inserted with these values, as {@link #row} would read it. */
	static Row stored(long id, Map<String, Object> values) {
		var heldBehind = (Long) values.get("heldBehind");
		var directConflict = (Long) values.get("directConflict");
		var currency = (String) values.get("currency");
		var view = new RegistrationView(id, (Long) values.get("partner"), (Long) values.get("registeredBy"),
				(Long) values.get("account"), (String) values.get("customerName"),
				(String) values.get("customerDomain"), (String) values.get("need"),
				((BigDecimal) values.get("amount")).setScale(4, java.math.RoundingMode.HALF_UP), currency,
				(java.time.LocalDate) values.get("closeDate"), CreditType.valueOf((String) values.get("credit")),
				((BigDecimal) values.get("share")).setScale(2, java.math.RoundingMode.HALF_UP),
				RegistrationStatus.valueOf((String) values.get("status")), (String) values.get("reason"),
				heldBehind != null || directConflict != null, instant(values.get("submittedAt")),
				instant(values.get("slaDueAt")), instant(values.get("protectionEndsAt")), false, null, null);
		return new Row(view, heldBehind, directConflict, new Customer(view.customerName(),
				(String) values.get("registrable"), (String) values.get("normalized")));
	}

	private static Instant instant(Object timestamp) {
		return timestamp == null ? null : ((Timestamp) timestamp).toInstant();
	}

	void updateDetails(long id, Map<String, Object> values) {
		this.jdbc.sql("""
				UPDATE deal_registration SET account_id = :account, customer_name = :customerName,
				    customer_domain = :customerDomain, registrable_domain = :registrable, normalized_name = :normalized,
				    name_shape = :shape,
				    customer_need = :need, amount = :amount, currency = :currency, expected_close_date = :closeDate,
				    credit_type = :credit, partner_share = :share, version = version + 1
				WHERE id = :id
				""").params(values).param("id", id).update();
	}

	void changeStatus(long id, RegistrationStatus status, String reason, Long decidedBy, Instant at) {
		this.jdbc.sql("""
				UPDATE deal_registration SET status = :status, status_reason = :reason, decided_by = :by,
				    decided_at = :at, version = version + 1
				WHERE id = :id
				""")
			.param("status", status.name())
			.param("reason", reason)
			.param("by", decidedBy)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	void startProtection(long id, Instant protectionEndsAt, Instant slaDueAt, Long directConflictId) {
		this.jdbc.sql("""
				UPDATE deal_registration SET protection_ends_at = :protection, sla_due_at = :sla, held_behind_id = NULL,
				    direct_conflict_id = :direct
				WHERE id = :id
				""")
			.param("protection", Timestamp.from(protectionEndsAt))
			.param("sla", slaDueAt == null ? null : Timestamp.from(slaDueAt))
			.param("direct", directConflictId)
			.param("id", id)
			.update();
	}

	void resetSla(long id, Instant slaDueAt) {
		this.jdbc.sql("UPDATE deal_registration SET sla_due_at = :sla WHERE id = :id")
			.param("sla", Timestamp.from(slaDueAt))
			.param("id", id)
			.update();
	}

	void approve(long id, long opportunityId, long accountId, CreditType credit, BigDecimal share, Instant at) {
		this.jdbc.sql("""
				UPDATE deal_registration SET approved_at = :at, opportunity_id = :opportunity, account_id = :account,
				    credit_type = :credit, partner_share = :share
				WHERE id = :id
				""")
			.param("at", Timestamp.from(at))
			.param("opportunity", opportunityId)
			.param("account", accountId)
			.param("credit", credit.name())
			.param("share", share)
			.param("id", id)
			.update();
	}

	/**
	 * Extends the protection to {@code protectionEndsAt} (its business day
	 * {@code endsOn}); the status texts that name the old day, the registration's own and
	 * those of the registrations held behind it, name the new one (s55: "protection
	 * until" kept the day of the approval).
	 */
	void extend(long id, Instant protectionEndsAt, java.time.LocalDate endsOn) {
		this.jdbc.sql("""
				UPDATE deal_registration SET protection_ends_at = :until, extended = TRUE,
				    status_reason = regexp_replace(status_reason, 'protection until \\d{4}-\\d{2}-\\d{2}',
				                                   'protection until ' || :day || ' (extended)')
				WHERE id = :id""")
			.param("until", Timestamp.from(protectionEndsAt))
			.param("day", endsOn.toString())
			.param("id", id)
			.update();
		this.jdbc.sql("""
				UPDATE deal_registration SET status_reason = regexp_replace(status_reason,
				    'it is protected until \\d{4}-\\d{2}-\\d{2}', 'it is protected until ' || :day)
				WHERE held_behind_id = :id AND status = 'ON_HOLD'""")
			.param("day", endsOn.toString())
			.param("id", id)
			.update();
	}

	Optional<Row> find(Viewer viewer, long id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ ", registrable_domain, normalized_name FROM deal_registration WHERE id = :id AND " + SCOPE)
			.param("id", id)
			.param("scopePartner", viewer.scopePartnerId())
			.query(RegistrationRepository::row)
			.optional();
	}

	Optional<Row> findForUpdate(long id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ ", registrable_domain, normalized_name FROM deal_registration WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(RegistrationRepository::row)
			.optional();
	}

	void recordHistory(long id, RegistrationStatus from, RegistrationStatus to, Long actorId, Instant at,
			String reason) {
		this.jdbc.sql("""
				INSERT INTO registration_history (registration_id, from_status, to_status, actor_id, at, reason)
				VALUES (:id, :from, :to, :actor, :at, :reason)
				""")
			.param("id", id)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("actor", actorId)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.update();
	}

	/**
	 * The id the next registration takes, drawn from the table's sequence when the caller
	 * sends its pipeline (a registration that is not written leaves a gap, as a rolled
	 * back insert does).
	 */
	java.util.function.Supplier<Long> nextId(SqlPipeline pipeline) {
		var read = pipeline.query("SELECT nextval(pg_get_serial_sequence('deal_registration', 'id'))", Map.of(),
				(rs, n) -> rs.getLong(1));
		return () -> read.get().get(0);
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		var view = new RegistrationView(rs.getLong("id"), rs.getLong("partner_id"), rs.getLong("registered_by"),
				rs.getObject("account_id", Long.class), rs.getString("customer_name"), rs.getString("customer_domain"),
				rs.getString("customer_need"), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getObject("expected_close_date", java.time.LocalDate.class),
				CreditType.valueOf(rs.getString("credit_type")), rs.getBigDecimal("partner_share"),
				RegistrationStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				rs.getObject("held_behind_id") != null || rs.getObject("direct_conflict_id") != null,
				instant(rs, "submitted_at"), instant(rs, "sla_due_at"), instant(rs, "protection_ends_at"),
				rs.getBoolean("extended"), instant(rs, "approved_at"), rs.getObject("opportunity_id", Long.class));
		return new Row(view, rs.getObject("held_behind_id", Long.class), rs.getObject("direct_conflict_id", Long.class),
				new Customer(view.customerName(), rs.getString("registrable_domain"), rs.getString("normalized_name")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/** A registration with the fields only this module reads. */
	record Row(RegistrationView view, Long heldBehindId, Long directConflictId, Customer customer) {
	}

}
