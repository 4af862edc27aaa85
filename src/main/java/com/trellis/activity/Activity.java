package com.trellis.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.SqlPipeline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads partner activity events. A partner user reads only its own partner's.
 */
@Service
public class Activity {

	private static final String SCOPE = "(CAST(:scopePartner AS BIGINT) IS NULL OR partner_id = :scopePartner)";

	private final JdbcClient jdbc;

	private final Clock clock;

	Activity(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public void record(long partnerId, Long userId, String type, String detail) {
		this.jdbc.sql(INSERT).params(event(partnerId, userId, type, detail)).update();
	}

	/**
	 * As {@link #record(long, Long, String, String)}, with the event added to the
	 * caller's pipeline, written when the caller sends it (in its transaction).
	 */
	public void record(SqlPipeline pipeline, long partnerId, Long userId, String type, String detail) {
		pipeline.update(INSERT, event(partnerId, userId, type, detail));
	}

	private static final String INSERT = """
			INSERT INTO activity_event (partner_id, user_id, type, occurred_at, detail)
			VALUES (:partner, :user, :type, :at, :detail)
			""";

	private java.util.Map<String, Object> event(long partnerId, Long userId, String type, String detail) {
		var params = new java.util.HashMap<String, Object>();
		params.put("partner", partnerId);
		params.put("user", userId);
		params.put("type", type);
		params.put("at", Timestamp.from(this.clock.instant()));
		params.put("detail", detail);
		return params;
	}

	@Transactional(readOnly = true)
	public List<ActivityEvent> recent(Viewer viewer, long partnerId, int limit) {
		return this.jdbc.sql("""
				SELECT id, partner_id, user_id, type, occurred_at, detail FROM activity_event
				WHERE partner_id = :partner AND %s ORDER BY occurred_at DESC, id DESC LIMIT :limit
				""".formatted(SCOPE))
			.param("partner", partnerId)
			.param("scopePartner", viewer.scopePartnerId())
			.param("limit", limit)
			.query((rs, n) -> new ActivityEvent(rs.getLong("id"), rs.getLong("partner_id"),
					rs.getObject("user_id", Long.class), rs.getString("type"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("detail")))
			.list();
	}

	/**
	 * What the partner's people did lately, without their sign-ins to the portal: what
	 * the partner's own home shows.
	 */
	@Transactional(readOnly = true)
	public List<ActivityEvent> recentWork(Viewer viewer, long partnerId, int limit) {
		return this.jdbc
			.sql("""
					SELECT id, partner_id, user_id, type, occurred_at, detail FROM activity_event
					WHERE partner_id = :partner AND type <> 'PORTAL_LOGIN' AND %s ORDER BY occurred_at DESC, id DESC LIMIT :limit
					"""
				.formatted(SCOPE))
			.param("partner", partnerId)
			.param("scopePartner", viewer.scopePartnerId())
			.param("limit", limit)
			.query((rs, n) -> new ActivityEvent(rs.getLong("id"), rs.getLong("partner_id"),
					rs.getObject("user_id", Long.class), rs.getString("type"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("detail")))
			.list();
	}

	/** The latest of the given signals per partner (partners with none are absent). */
	@Transactional(readOnly = true)
	public java.util.Map<Long, Instant> lastSignals(java.util.Collection<String> types) {
		var result = new java.util.HashMap<Long, Instant>();
		this.jdbc
			.sql("SELECT partner_id, max(occurred_at) FROM activity_event WHERE type IN (:types) GROUP BY partner_id")
			.param("types", types)
			.query((rs, n) -> result.put(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.list();
		return result;
	}

	/** The latest of the given signals of one partner, or null. */
	@Transactional(readOnly = true)
	public Instant lastSignal(long partnerId, java.util.Collection<String> types) {
		var last = this.jdbc
			.sql("SELECT max(occurred_at) FROM activity_event WHERE partner_id = :partner AND type IN (:types)")
			.param("partner", partnerId)
			.param("types", types)
			.query((rs, n) -> rs.getTimestamp(1))
			.list()
			.get(0);
		return last == null ? null : last.toInstant();
	}

	/** Whether the partner shows any of the given signals in a time window. */
	@Transactional(readOnly = true)
	public boolean anyWithin(long partnerId, java.util.Collection<String> types, Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM activity_event WHERE partner_id = :partner AND type IN (:types)
				               AND occurred_at >= :from AND occurred_at < :to)
				""")
			.param("partner", partnerId)
			.param("types", types)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Boolean.class)
			.single();
	}

	/**
	 * {@link #anyWithin} for several windows of one partner in one statement: element
	 * {@code i} of the answer says whether the partner shows any of the signals in
	 * [{@code froms[i]}, {@code tos[i]}).
	 */
	@Transactional(readOnly = true)
	public List<Boolean> anyWithinEach(long partnerId, java.util.Collection<String> types, List<Instant> froms,
			List<Instant> tos) {
		if (froms.size() != tos.size()) {
			throw new IllegalArgumentException("as many window ends as starts");
		}
		if (froms.isEmpty()) {
			return List.of();
		}
		var found = new java.util.HashSet<Long>(this.jdbc
			.sql("""
					SELECT w.i FROM unnest(CAST(:froms AS TIMESTAMPTZ[]), CAST(:tos AS TIMESTAMPTZ[])) WITH ORDINALITY AS w(f, t, i)
					WHERE EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = :partner AND e.type IN (:types)
					              AND e.occurred_at >= w.f AND e.occurred_at < w.t)
					""")
			.param("partner", partnerId)
			.param("types", types)
			.param("froms", froms.stream().map(Instant::toString).toArray(String[]::new))
			.param("tos", tos.stream().map(Instant::toString).toArray(String[]::new))
			.query(Long.class)
			.list());
		var answer = new java.util.ArrayList<Boolean>(froms.size());
		for (long i = 1; i <= froms.size(); i++) {
			answer.add(found.contains(i));
		}
		return answer;
	}

	/**
	 * Partners with any activity since the given instant, within the viewer's scope. Read
	 * from each partner's latest activity ({@code partner_activity_fact}, kept by the
	 * triggers on {@code activity_event}): a partner has an event at or after the instant
	 * exactly when its latest one is, so no event is scanned.
	 */
	@Transactional(readOnly = true)
	public long partnersActiveSince(Viewer viewer, Instant since) {
		return this.jdbc.sql("""
				SELECT count(*) FROM partner_activity_fact WHERE last_at >= :since AND %s
				""".formatted(SCOPE))
			.param("since", Timestamp.from(since))
			.param("scopePartner", viewer.scopePartnerId())
			.query(Long.class)
			.single();
	}

}
