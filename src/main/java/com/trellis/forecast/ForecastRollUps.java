package com.trellis.forecast;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.Reporting;
import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roll-up SQL: commit, best case, weighted pipeline and closed-won of a scope and
 * quarter, and the open deals it counts. {@code probabilities} is a VALUES list of
 * (stage, group, probability), {@code norms} one of (stage, group, own norm, later
 * norms); a deal counts in the quarter its expected close falls in
 * ({@link ExpectedClose}). The program and its partner deals read the open pipeline kept
 * by the database ({@link OpenPipelineSql}, V110: a few thousand sums instead of 200,000
 * deals); a PAM's book, a partner, a team and a rep read their own open deals
 * ({@link OpenDealsSql}). Closed-won is read from the daily deal facts
 * ({@link Scope#facts()}).
 */
@Repository
class ForecastRollUps {

	private final BusinessCalendar calendar;

	/** Read-only roll-ups: the reporting replica when one is configured. */
	private final JdbcClient reporting;

	ForecastRollUps(@Reporting JdbcClient reporting, BusinessCalendar calendar) {
		this.reporting = reporting;
		this.calendar = calendar;
	}

	/** Figures of one quarter and scope, in the reporting currency. */
	Map<String, BigDecimal> rollUp(String probabilities, String norms, Scope scope, LocalDate quarterStart,
			LocalDate quarterEnd, LocalDate today) {
		return rollUps(probabilities, norms, scope, List.<LocalDate[]>of(new LocalDate[] { quarterStart, quarterEnd }),
				today)
			.get(0);
	}

	/**
	 * {@link #rollUp} of each of {@code quarters} (start and end), in their order, from
	 * one reading of the scope's open deals: the forecast page's this and next quarter.
	 */
	List<Map<String, BigDecimal>> rollUps(String probabilities, String norms, Scope scope, List<LocalDate[]> quarters,
			LocalDate today) {
		return rollUps(probabilities, norms, scope, "FALSE", "program_day_fact f WHERE FALSE", quarters, today).stream()
			.map(both -> both.get(0))
			.toList();
	}

	/**
	 * {@link #rollUp} of the scope whose {@link Scope#predicate()} and id are given (the
	 * form its callers had before closed-won was read from the facts).
	 */
	Map<String, BigDecimal> rollUp(String probabilities, String norms, String predicate, Long scopeId,
			LocalDate quarterStart, LocalDate quarterEnd, LocalDate today) {
		return rollUp(probabilities, norms, scopeOf(predicate, scopeId), quarterStart, quarterEnd, today);
	}

	/**
	 * {@link #rollUp} of the program and of its partner deals ({@link Scope#PARTNERS})
	 * for each of {@code quarters}, all from one reading of the open pipeline: the home
	 * pages' outlook and the program's forecast page.
	 * @return per quarter, the program's figures, then the partner deals'
	 */
	List<List<Map<String, BigDecimal>>> programAndPartners(String probabilities, String norms,
			List<LocalDate[]> quarters, LocalDate today) {
		return rollUps(probabilities, norms, Scope.PROGRAM, OpenPipelineSql.PARTNER_INVOLVED, Scope.PARTNERS.facts(),
				quarters, today);
	}

	/**
	 * The figures of a scope and of a part of it for each quarter ({@code [start, end)},
	 * in order, at least one): {@code inPart} over the scope's counted open deals or
	 * sums, {@code partFacts} the part's daily facts (as {@link Scope#facts()}). The open
	 * deals are read once for the span of all quarters, then summed per quarter by their
	 * expected close.
	 */
	private List<List<Map<String, BigDecimal>>> rollUps(String probabilities, String norms, Scope scope, String inPart,
			String partFacts, List<LocalDate[]> quarters, LocalDate today) {
		var counted = OpenPipelineSql.covers(scope) ? OpenPipelineSql.counted(scope, inPart)
				: OpenDealsSql.counted(scope.predicate(), inPart);
		var rows = new java.util.StringJoiner(", ");
		for (int i = 0; i < quarters.size(); i++) {
			rows.add("(%d, CAST(:qs%d AS DATE), CAST(:qe%d AS DATE))".formatted(i, i, i));
		}
		var sql = """
				WITH prob(stage, grp, p) AS (VALUES %s),
				norm(stage, grp, own, later) AS (VALUES %s),
				%s,
				q(i, qs, qe) AS (VALUES %s)
				SELECT COALESCE(sum(c.amount) FILTER (WHERE c.called), 0),
				       COALESCE(sum(c.amount) FILTER (WHERE c.called OR c.p >= 0.5), 0),
				       COALESCE(sum(c.amount * c.p), 0),
				       (SELECT COALESCE(sum(f.won_reporting), 0) FROM %s AND f.day >= q.qs AND f.day < q.qe
				          AND f.currency IN (SELECT currency FROM exchange_rate)),
				       COALESCE(sum(c.amount) FILTER (WHERE c.in_part AND c.called), 0),
				       COALESCE(sum(c.amount) FILTER (WHERE c.in_part AND (c.called OR c.p >= 0.5)), 0),
				       COALESCE(sum(c.amount * c.p) FILTER (WHERE c.in_part), 0),
				       (SELECT COALESCE(sum(f.won_reporting), 0) FROM %s AND f.day >= q.qs AND f.day < q.qe
				          AND f.currency IN (SELECT currency FROM exchange_rate))
				FROM q LEFT JOIN counted c ON c.expected >= q.qs AND c.expected < q.qe
				GROUP BY q.i, q.qs, q.qe ORDER BY q.i
				""".formatted(probabilities, norms, counted, rows, scope.facts(), partFacts);
		var statement = this.reporting.sql(sql)
			.param("today", Date.valueOf(today))
			.param("qStart", Date.valueOf(quarters.stream().map(q -> q[0]).min(LocalDate::compareTo).orElseThrow()))
			.param("qEnd", Date.valueOf(quarters.stream().map(q -> q[1]).max(LocalDate::compareTo).orElseThrow()))
			.param("zone", this.calendar.zone().getId())
			.param("scopeId", scope.idOrZero());
		for (int i = 0; i < quarters.size(); i++) {
			statement = statement.param("qs" + i, Date.valueOf(quarters.get(i)[0]))
				.param("qe" + i, Date.valueOf(quarters.get(i)[1]));
		}
		return statement.query((rs, n) -> List.of(figures(rs, 1), figures(rs, 5))).list();
	}

	private static Map<String, BigDecimal> figures(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
		return Map.of("commit", ReportingCurrency.round(rs.getBigDecimal(first)), "bestCase",
				ReportingCurrency.round(rs.getBigDecimal(first + 1)), "weighted",
				ReportingCurrency.round(rs.getBigDecimal(first + 2)), "closed",
				ReportingCurrency.round(rs.getBigDecimal(first + 3)));
	}

	/**
	 * The open deals a roll-up counts for one quarter and scope, largest first (then by
	 * id), with their probability, expected close and category. The program and its
	 * partner deals look among the {@value #WINDOW} times {@code limit} largest open
	 * deals first and among all of them only when fewer than {@code limit} of those close
	 * in the quarter ({@link OpenPipelineSql#top}): the same lines either way. For a
	 * limit of at most {@code Integer.MAX_VALUE / WINDOW}; every line is read with a
	 * window of 0.
	 */
	List<ForecastLine> lines(String probabilities, String norms, String predicate, Long scopeId, LocalDate quarterStart,
			LocalDate quarterEnd, LocalDate today, int limit) {
		return lines(probabilities, norms, predicate, scopeId, quarterStart, quarterEnd, today, limit, window(limit));
	}

	/** The first look's window for {@code limit} lines. */
	static int window(int limit) {
		return WINDOW * Math.max(limit, 1);
	}

	/**
	 * How many times the lines asked for the first look reads (program, partner deals).
	 */
	static final int WINDOW = 20;

	/**
	 * {@link #lines} looking first among the {@code window} largest open deals (the
	 * program and its partner deals; 0: among all of them at once).
	 */
	List<ForecastLine> lines(String probabilities, String norms, String predicate, Long scopeId, LocalDate quarterStart,
			LocalDate quarterEnd, LocalDate today, int limit, int window) {
		var scope = scopeOf(predicate, scopeId);
		if (!OpenPipelineSql.covers(scope)) {
			return lines(probabilities, norms, OpenDealsSql.top(scope.predicate()), scope, quarterStart, quarterEnd,
					today, limit);
		}
		if (window > 0) {
			var first = lines(probabilities, norms, OpenPipelineSql.top(scope, window), scope, quarterStart, quarterEnd,
					today, limit);
			if (first.size() >= limit) {
				return first;
			}
		}
		return lines(probabilities, norms, OpenPipelineSql.top(scope, 0), scope, quarterStart, quarterEnd, today,
				limit);
	}

	private List<ForecastLine> lines(String probabilities, String norms, String top, Scope scope,
			LocalDate quarterStart, LocalDate quarterEnd, LocalDate today, int limit) {
		var sql = """
				WITH prob(stage, grp, p) AS (VALUES %s),
				norm(stage, grp, own, later) AS (VALUES %s),
				%s
				SELECT top.id, o.name, p.name, u.display_name, top.stage, top.amount, top.p, %s,
				       CASE WHEN top.called THEN 'COMMIT' WHEN top.p >= 0.5 THEN 'BEST_CASE' ELSE 'PIPELINE' END,
				       o.amount_unknown
				FROM top JOIN opportunity o ON o.id = top.id JOIN norm n ON n.stage = top.stage AND n.grp = top.grp
				JOIN app_user u ON u.id = o.owner_id LEFT JOIN partner p ON p.id = o.partner_id
				ORDER BY top.amount DESC, top.id
				""".formatted(probabilities, norms, top, ExpectedClose.SQL);
		return this.reporting.sql(sql)
			.param("today", Date.valueOf(today))
			.param("qStart", Date.valueOf(quarterStart))
			.param("qEnd", Date.valueOf(quarterEnd))
			.param("zone", this.calendar.zone().getId())
			.param("scopeId", scope.idOrZero())
			.param("limit", limit)
			.query((rs, n) -> new ForecastLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBoolean(10) ? null : rs.getBigDecimal(6), rs.getBigDecimal(7),
					rs.getObject(8, LocalDate.class), rs.getString(9), rs.getBoolean(10)))
			.list();
	}

	/** The scope of a {@link Scope#predicate()} and id. */
	private static Scope scopeOf(String predicate, Long scopeId) {
		return java.util.Arrays.stream(Scope.Kind.values())
			.map(kind -> new Scope(kind,
					kind == Scope.Kind.PROGRAM || kind == Scope.Kind.PARTNERS ? null : scopeId == null ? 0L : scopeId))
			.filter(candidate -> candidate.predicate().equals(predicate))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no scope has the predicate " + predicate));
	}

}
