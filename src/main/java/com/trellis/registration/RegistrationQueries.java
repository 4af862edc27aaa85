package com.trellis.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.ListConditions;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.trellis.registration.RegistrationRepository.COLUMNS;
import static com.trellis.registration.RegistrationRepository.SCOPE;

/**
 * The registration lists and counts (work order, protection ending, history, a partner's
 * rejections and first registration), read-only; every read for a viewer binds
 * {@code :scopePartner}, so a partner user only ever reads its own partner's
 * registrations. Split from {@link RegistrationRepository}, which changes registrations.
 */
@Repository
class RegistrationQueries {

	private final JdbcClient jdbc;

	RegistrationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		// only the filters given are written (s66, ListConditions: under a generic plan
		// a PAM's list read a page of the large data's registrations in 7.6 s)
		var conditions = new ListConditions()
			.when("partner_id = :scopePartner", "scopePartner", viewer.scopePartnerId())
			.whenEnum("status", filter.status())
			.when("partner_id = :partner", "partner", filter.partnerId())
			.whenAnyOf("partner_id", "partners", partners);
		if (filter.breachedOnly()) {
			conditions.when("status = 'PENDING' AND sla_due_at < :now", "now", Timestamp.from(now));
		}
		var where = conditions.where();
		var params = conditions.parameters();
		long counted = this.jdbc.sql(PageRequest.countUpToLimit("FROM deal_registration " + where))
			.params(params)
			.param("countLimit", page.countLimit())
			.query(Long.class)
			.single();
		return PageResult.counted(() -> this.jdbc
			.sql("SELECT " + COLUMNS + ", registrable_domain, normalized_name FROM deal_registration " + where
					+ " ORDER BY " + WORK_ORDER + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(RegistrationRepository::row)
			.list()
			.stream()
			.map(RegistrationRepository.Row::view)
			.toList(), page, counted);
	}

	/**
	 * One partner's registrations per status in the viewer's scope (statuses without any
	 * absent), read once from {@code deal_registration_partner_idx}.
	 */
	Map<RegistrationStatus, Long> countByStatus(Viewer viewer, long partnerId) {
		var counts = new java.util.EnumMap<RegistrationStatus, Long>(RegistrationStatus.class);
		this.jdbc.sql("""
				SELECT status, count(*) FROM deal_registration WHERE %s AND partner_id = :partner GROUP BY status
				""".formatted(SCOPE))
			.param("scopePartner", viewer.scopePartnerId())
			.param("partner", partnerId)
			.query((rs, n) -> counts.put(RegistrationStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
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
							  AND (:anyPartner OR partner_id = ANY (CAST(:partners AS BIGINT[])))
							ORDER BY protection_ends_at, id LIMIT :limit
							""")
			.param("scopePartner", viewer.scopePartnerId())
			.param("partner", partnerId)
			.param("anyPartner", partners == null)
			.param("partners", com.trellis.shared.SqlIds.array(partners == null ? List.of(-1L) : partners))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", limit)
			.query(RegistrationRepository::row)
			.list()
			.stream()
			.map(RegistrationRepository.Row::view)
			.toList();
	}

}
