package com.trellis.registration;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.trellis.deals.CreditType;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every read for a viewer binds {@code :scopePartner}, so a partner user only ever reads
 * its own partner's registrations.
 */
@Repository
class RegistrationRepository {

	private static final String SCOPE = "(CAST(:scopePartner AS BIGINT) IS NULL OR partner_id = :scopePartner)";

	private static final String COLUMNS = """
			id, partner_id, registered_by, account_id, customer_name, customer_domain, customer_need, amount, currency,
			expected_close_date, credit_type, partner_share, status, status_reason, held_behind_id, direct_conflict_id,
			submitted_at, sla_due_at, protection_ends_at, extended, approved_at, opportunity_id
			""";

	private final JdbcClient jdbc;

	RegistrationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the advisory locks of the keys in one round trip, in the order of their
	 * hashes.
	 */
	void lockCustomers(java.util.Collection<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				SELECT pg_advisory_xact_lock(h) FROM (
				    SELECT DISTINCT hashtextextended('customer:' || k, 0) AS h FROM unnest(CAST(:keys AS TEXT[])) AS k
				    ORDER BY h) AS sorted
				""").param("keys", keys.toArray(String[]::new)).query((rs, n) -> 1).list();
	}

	private static final String OPEN = "status IN ('PENDING', 'ON_HOLD', 'NEEDS_INFO', 'APPROVED')";

	/**
	 * Open registrations that may be the customer: the same registrable domain, or the
	 * same name shape ({@link CustomerLocks#shape}) with a lead word similar by trigrams
	 * (through the GIN index on {@code lead_word}), which every name the matcher takes
	 * for this one has.
	 */
	private static final String MAY_BE_CUSTOMER = """
			(r.registrable_domain = :domain
			 OR r.name_shape = :shape AND r.lead_word IS NULL AND CAST(:lead AS TEXT) IS NULL
			 OR r.name_shape = :shape AND r.lead_word % CAST(:lead AS TEXT))""";

	/**
	 * Searches the customer's open registrations without its lock, in one statement: the
	 * ids of those the matcher accepts (only identities are read), with the mark from
	 * which {@link #openMatchingSince} re-reads under the lock. The statement first sets
	 * the trigram threshold for the transaction: the one-row subquery is the outer side
	 * of the join ({@code OFFSET 0} keeps it one), so it runs before the index is read.
	 * The mark is the xmin of the statement's own snapshot: every registration it cannot
	 * see was inserted by a transaction at or above it.
	 */
	Found openMatching(Customer customer, Predicate<Customer> matches) {
		var mark = new long[1];
		var ids = this.jdbc.sql("""
				SELECT m.mark, r.id, r.customer_name, r.registrable_domain, r.normalized_name
				FROM (SELECT set_config('pg_trgm.similarity_threshold', :t, true) AS threshold,
				             CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT) AS BIGINT) AS mark
				      OFFSET 0) AS m
				LEFT JOIN deal_registration r ON r.""" + OPEN + " AND " + MAY_BE_CUSTOMER)
			.param("t", Double.toString(CustomerLocks.LEAD_WORD_SIMILARITY))
			.params(keys(customer))
			.query((rs, n) -> {
				mark[0] = rs.getLong(1);
				long id = rs.getLong(2);
				return !rs.wasNull() && matches.test(new Customer(rs.getString(3), rs.getString(4), rs.getString(5)))
						? id : null;
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		return new Found(ids, mark[0]);
	}

	/**
	 * Under the customer's lock, in one statement: the registrations
	 * {@link #openMatching} found, as they are now (gone when no longer open), and the
	 * open registrations that may be the customer inserted since its mark, which it could
	 * not see; full rows, in the order they came. Registrations never reopen and the
	 * fields the matcher compares never change, so nothing else can have become a
	 * candidate.
	 */
	List<Row> openMatchingSince(Customer customer, Found found) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", registrable_domain, normalized_name FROM deal_registration r WHERE " + OPEN
					+ " AND (id = ANY(CAST(:ids AS BIGINT[])) OR inserted_xact >= :mark AND " + OPEN + " AND "
					+ MAY_BE_CUSTOMER + ") ORDER BY submitted_at, id")
			.param("ids", found.ids().toArray(Long[]::new))
			.param("mark", found.mark())
			.params(keys(customer))
			.query(RegistrationRepository::row)
			.list();
	}

	private static Map<String, Object> keys(Customer customer) {
		var normalized = customer.normalizedName();
		var values = new HashMap<String, Object>();
		values.put("domain", customer.registrableDomain() == null ? "" : customer.registrableDomain());
		values.put("shape", normalized == null ? "" : CustomerLocks.shape(normalized));
		values.put("lead", normalized == null ? null : CustomerLocks.leadWord(normalized));
		return values;
	}

	/**
	 * What a search without the lock found: the ids of the open registrations the matcher
	 * accepted, and the snapshot xmin from which registrations it could not see are read.
	 */
	record Found(List<Long> ids, long mark) {
	}

	/**
	 * Inserts a registration with its first history entry (to its status, by its
	 * registrant, at its submission, for the {@code history} reason) in one statement,
	 * and returns it as stored, without reading it again.
	 */
	Row insert(Map<String, Object> values, String history) {
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
					"""
					+ "RETURNING " + COLUMNS + ", registrable_domain, normalized_name"
					+ """
							), h AS (
							INSERT INTO registration_history (registration_id, from_status, to_status, actor_id, at, reason)
							SELECT id, NULL, status, registered_by, submitted_at, :history FROM r)
							SELECT * FROM r
							""")
			.params(values)
			.param("history", history)
			.query(RegistrationRepository::row)
			.single();
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

	void extend(long id, Instant protectionEndsAt) {
		this.jdbc.sql("UPDATE deal_registration SET protection_ends_at = :until, extended = TRUE WHERE id = :id")
			.param("until", Timestamp.from(protectionEndsAt))
			.param("id", id)
			.update();
	}

	int markDealClosed(long opportunityId, Instant at) {
		return this.jdbc
			.sql("""
					UPDATE deal_registration SET deal_closed_at = :at WHERE opportunity_id = :opportunity AND deal_closed_at IS NULL
					""")
			.param("at", Timestamp.from(at))
			.param("opportunity", opportunityId)
			.update();
	}

	/**
	 * Expires every lapsed protection in one statement; returns the ids this call
	 * expired.
	 */
	List<Long> expireLapsed(Instant now, String reason) {
		return this.jdbc.sql("""
				UPDATE deal_registration SET status = 'EXPIRED', status_reason = :reason, decided_at = :now,
				    decided_by = NULL, version = version + 1
				WHERE status IN ('PENDING', 'NEEDS_INFO', 'APPROVED') AND protection_ends_at < :now
				  AND deal_closed_at IS NULL
				RETURNING id
				""").param("now", Timestamp.from(now)).param("reason", reason).query(Long.class).list();
	}

	/** The customers of the registrations held behind one, read without locking them. */
	/** The approved registrations whose deal this is, locked. */
	List<Long> approvedOn(long opportunityId) {
		return this.jdbc.sql("""
				SELECT id FROM deal_registration WHERE opportunity_id = :opportunity AND status = 'APPROVED'
				ORDER BY id FOR UPDATE
				""").param("opportunity", opportunityId).query(Long.class).list();
	}

	/**
	 * Registrations on hold because of an open deal (not another registration) that met
	 * this one.
	 */
	List<Row> heldByDeal(long opportunityId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", registrable_domain, normalized_name FROM deal_registration r"
					+ " WHERE status = 'ON_HOLD' AND held_behind_id IS NULL AND EXISTS (SELECT 1 FROM"
					+ " registration_conflict c WHERE c.registration_id = r.id AND c.candidate_kind = 'OPPORTUNITY'"
					+ " AND c.candidate_id = :opportunity) ORDER BY submitted_at, id")
			.param("opportunity", opportunityId)
			.query(RegistrationRepository::row)
			.list();
	}

	List<Customer> customersHeldBehind(long id) {
		return this.jdbc.sql("""
				SELECT customer_name, registrable_domain, normalized_name FROM deal_registration
				WHERE held_behind_id = :id AND status = 'ON_HOLD'
				""")
			.param("id", id)
			.query((rs, n) -> new Customer(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	List<Long> heldBehind(long id) {
		return this.jdbc.sql("""
				SELECT id FROM deal_registration WHERE held_behind_id = :id AND status = 'ON_HOLD'
				ORDER BY submitted_at, id FOR UPDATE
				""").param("id", id).query(Long.class).list();
	}

	/**
	 * Keeps a registration on hold, behind another registration or (null) an open deal.
	 */
	void holdBehind(long id, Long behind, String reason) {
		this.jdbc.sql("""
				UPDATE deal_registration SET held_behind_id = :behind, status_reason = :reason, version = version + 1
				WHERE id = :id
				""").param("behind", behind).param("reason", reason).param("id", id).update();
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

	/**
	 * The order a registration list is worked in: those waiting for a decision first (on
	 * hold or awaiting approval), the oldest approval deadline (SLA) on top; then the
	 * rest, newest first.
	 */
	static final String WORK_ORDER = """
			(status NOT IN ('PENDING', 'ON_HOLD')),
			CASE WHEN status IN ('PENDING', 'ON_HOLD') THEN COALESCE(sla_due_at, submitted_at) END ASC,
			submitted_at DESC, id DESC""";

	PageResult<RegistrationView> search(Viewer viewer, RegistrationFilter filter, Collection<Long> partners,
			Instant now, PageRequest page) {
		var where = """
				WHERE %s
				  AND (CAST(:status AS TEXT) IS NULL OR status = :status)
				  AND (CAST(:partner AS BIGINT) IS NULL OR partner_id = :partner)
				  AND (:anyPartner OR partner_id IN (:partners))
				  AND (NOT :breached OR (status = 'PENDING' AND sla_due_at < :now))
				""".formatted(SCOPE);
		Map<String, Object> params = new HashMap<>();
		params.put("scopePartner", viewer.scopePartnerId());
		params.put("status", filter.status() == null ? null : filter.status().name());
		params.put("partner", filter.partnerId());
		params.put("anyPartner", partners == null);
		params.put("partners", partners == null || partners.isEmpty() ? List.of(-1L) : partners);
		params.put("breached", filter.breachedOnly());
		params.put("now", Timestamp.from(now));
		long counted = this.jdbc.sql(PageRequest.countUpToLimit("FROM deal_registration " + where))
			.params(params)
			.param("countLimit", page.countLimit())
			.query(Long.class)
			.single();
		var items = this.jdbc
			.sql("SELECT " + COLUMNS + ", registrable_domain, normalized_name FROM deal_registration " + where
					+ " ORDER BY " + WORK_ORDER + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(RegistrationRepository::row)
			.list()
			.stream()
			.map(Row::view)
			.toList();
		return PageResult.counted(items, page, counted);
	}

	/**
	 * Records the claims, in their order, in one statement; a claim recorded for the
	 * registration before (when it is reconsidered) is not recorded twice.
	 */
	void recordConflicts(long registrationId, List<ConflictCandidate> candidates, Instant at) {
		if (candidates.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("""
					INSERT INTO registration_conflict (registration_id, candidate_kind, candidate_id, partner_id, match_kind,
					    score, reason, detected_at)
					SELECT :id, c.kind, c.candidate, c.partner, c.match, CAST(c.score AS NUMERIC(4, 3)), c.reason, :at
					FROM unnest(CAST(:kinds AS TEXT[]), CAST(:candidates AS BIGINT[]), CAST(:partners AS BIGINT[]),
					            CAST(:matches AS TEXT[]), CAST(:scores AS TEXT[]), CAST(:reasons AS TEXT[]))
					     WITH ORDINALITY AS c(kind, candidate, partner, match, score, reason, n)
					WHERE NOT EXISTS (SELECT 1 FROM registration_conflict e WHERE e.registration_id = :id
					                  AND e.candidate_kind = c.kind AND e.candidate_id = c.candidate)
					ORDER BY c.n
					""")
			.param("id", registrationId)
			.param("kinds", candidates.stream().map(c -> c.kind().name()).toArray(String[]::new))
			.param("candidates", candidates.stream().map(ConflictCandidate::id).toArray(Long[]::new))
			.param("partners", candidates.stream().map(ConflictCandidate::partnerId).toArray(Long[]::new))
			.param("matches", candidates.stream().map(c -> c.match().kind().name()).toArray(String[]::new))
			.param("scores",
					candidates.stream()
						.map(c -> BigDecimal.valueOf(c.match().score())
							.setScale(3, java.math.RoundingMode.HALF_UP)
							.toPlainString())
						.toArray(String[]::new))
			.param("reasons", candidates.stream().map(c -> c.match().reason()).toArray(String[]::new))
			.param("at", Timestamp.from(at))
			.update();
	}

	/** How many claims were found in all; null for registrations recorded before V94. */
	Integer conflictsFound(long registrationId) {
		var found = this.jdbc.sql("SELECT conflicts_found FROM deal_registration WHERE id = :id")
			.param("id", registrationId)
			.query((rs, n) -> rs.getObject(1, Integer.class))
			.list();
		return found.isEmpty() ? null : found.get(0);
	}

	List<ConflictView> conflicts(long registrationId) {
		return this.jdbc.sql("""
				SELECT candidate_kind, candidate_id, partner_id, match_kind, score, reason FROM registration_conflict
				WHERE registration_id = :id ORDER BY detected_at, id
				""")
			.param("id", registrationId)
			.query((rs, n) -> new ConflictView(rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class),
					rs.getString(4), rs.getDouble(5), rs.getString(6)))
			.list();
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

	List<HistoryEntry> history(long id) {
		return this.jdbc.sql("""
				SELECT from_status, to_status, actor_id, at, reason FROM registration_history
				WHERE registration_id = :id ORDER BY at, id
				""")
			.param("id", id)
			.query((rs, n) -> new HistoryEntry(
					rs.getString(1) == null ? null : RegistrationStatus.valueOf(rs.getString(1)),
					RegistrationStatus.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	long rejectedSince(long partnerId, Instant since) {
		return this.jdbc
			.sql("""
					SELECT count(*) FROM deal_registration WHERE partner_id = :partner AND status = 'REJECTED' AND decided_at >= :since
					""")
			.param("partner", partnerId)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	Instant firstSubmittedAt(long partnerId, Instant since) {
		var first = this.jdbc.sql(
				"SELECT min(submitted_at) FROM deal_registration WHERE partner_id = :partner AND submitted_at >= :since")
			.param("partner", partnerId)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> rs.getTimestamp(1))
			.list()
			.get(0);
		return first == null ? null : first.toInstant();
	}

	RegistrationRules rules() {
		return this.jdbc.sql("""
				SELECT protection_days, later_registration, approval_sla_business_days, extension_days, sourced_share,
				       influenced_share, co_sell_share
				FROM registration_rules WHERE id = 1
				""")
			.query((rs, n) -> new RegistrationRules(rs.getInt(1),
					RegistrationRules.LaterRegistration.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4),
					rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
			.optional()
			.orElse(RegistrationRules.DEFAULTS);
	}

	void saveRules(RegistrationRules rules, long userId, Instant at) {
		this.jdbc.sql("""
				UPDATE registration_rules SET protection_days = :protection, later_registration = :later,
				    approval_sla_business_days = :sla, extension_days = :extension, sourced_share = :sourced,
				    influenced_share = :influenced, co_sell_share = :coSell, updated_at = :at, updated_by = :by
				WHERE id = 1
				""")
			.param("protection", rules.protectionDays())
			.param("later", rules.laterRegistration().name())
			.param("sla", rules.approvalSlaBusinessDays())
			.param("extension", rules.extensionDays())
			.param("sourced", rules.sourcedShare())
			.param("influenced", rules.influencedShare())
			.param("coSell", rules.coSellShare())
			.param("at", Timestamp.from(at))
			.param("by", userId)
			.update();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
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

	/**
	 * Approved registrations whose protection ends in {@code [from, to)}, soonest first
	 * (the partial index on the protection's end), in the viewer's scope, to one partner
	 * or to some partners when not null.
	 */
	List<RegistrationView> protectionEnding(Viewer viewer, Long partnerId, Collection<Long> partners, Instant from,
			Instant to, int limit) {
		if (partners != null && partners.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", registrable_domain, normalized_name FROM deal_registration WHERE " + SCOPE
					+ """
							 AND status = 'APPROVED' AND protection_ends_at >= :from AND protection_ends_at < :to
							  AND (CAST(:partner AS BIGINT) IS NULL OR partner_id = :partner)
							  AND (:anyPartner OR partner_id IN (:partners))
							ORDER BY protection_ends_at, id LIMIT :limit
							""")
			.param("scopePartner", viewer.scopePartnerId())
			.param("partner", partnerId)
			.param("anyPartner", partners == null)
			.param("partners", partners == null ? List.of(-1L) : partners)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", limit)
			.query(RegistrationRepository::row)
			.list()
			.stream()
			.map(Row::view)
			.toList();
	}

	/** A registration with the fields only this module reads. */
	record Row(RegistrationView view, Long heldBehindId, Long directConflictId, Customer customer) {
	}

}
