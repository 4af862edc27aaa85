package com.trellis.cadence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.shared.Reporting;
import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reporting SQL behind the packs, in the reporting currency. {@code pam} narrows the
 * partner side to one PAM's book; null means the whole program.
 */
@Repository
class CadenceRepository {

	private static final String MONEY = ReportingCurrency.DEAL_AMOUNT;

	private static final String PARTNER_DEAL = """
			FROM opportunity o JOIN partner p ON p.id = o.partner_id JOIN exchange_rate fx ON fx.currency = o.currency
			JOIN app_user u ON u.id = o.owner_id
			WHERE (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
			""";

	private static final String OPEN = " AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')";

	private static final String STAGE_ORDER = """
			CASE o.stage WHEN 'REGISTERED' THEN 1 WHEN 'QUALIFIED' THEN 2 WHEN 'JOINT_WORKING' THEN 3 ELSE 4 END""";

	private final JdbcClient jdbc;

	private final com.trellis.shared.BusinessCalendar calendar;

	CadenceRepository(@Reporting JdbcClient jdbc, com.trellis.shared.BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	/**
	 * Partner deals won in [from, to): deal, partner, credit, owner, closed on, amount.
	 */
	List<List<Object>> bookings(Long pam, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT o.name, p.name, o.credit_type, u.display_name, CAST(o.closed_at AT TIME ZONE :zone AS DATE), "
					+ MONEY + " AS amount " + PARTNER_DEAL + """
							 AND o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to
							ORDER BY amount DESC, o.id
							""")
			.param("pam", pam)
			.param("zone", this.calendar.zone().getId())
			.param("from", at(from))
			.param("to", at(to))
			.query(CadenceRepository::row)
			.list();
	}

	/**
	 * Open partner deals called commit whose close date falls before {@code before}:
	 * deal, partner, owner, stage, close date, amount (the words "Amount unknown" for a
	 * deal whose amount is unknown, V124).
	 */
	List<List<Object>> commitsDue(Long pam, LocalDate before, int limit) {
		return this.jdbc
			.sql("SELECT o.name, p.name, u.display_name, o.stage, o.close_date, " + MONEY
					+ " AS amount, o.amount_unknown " + PARTNER_DEAL + OPEN
					+ """
							 AND o.close_date < :before AND EXISTS (SELECT 1 FROM forecast_call fc WHERE fc.opportunity_id = o.id)
							ORDER BY amount DESC, o.id LIMIT :limit
							""")
			.param("pam", pam)
			.param("before", Date.valueOf(before))
			.param("limit", limit)
			.query(CadenceRepository::dealRow)
			.list();
	}

	/**
	 * Open partner deals whose close date has passed: deal, partner, owner, stage, close
	 * date, amount (the words "Amount unknown" for a deal whose amount is unknown).
	 */
	List<List<Object>> slipped(Long pam, LocalDate today, int limit) {
		return this.jdbc
			.sql("SELECT o.name, p.name, u.display_name, o.stage, o.close_date, " + MONEY
					+ " AS amount, o.amount_unknown " + PARTNER_DEAL + OPEN
					+ " AND o.close_date < :today ORDER BY amount DESC, o.id LIMIT :limit")
			.param("pam", pam)
			.param("today", Date.valueOf(today))
			.param("limit", limit)
			.query(CadenceRepository::dealRow)
			.list();
	}

	/**
	 * Open partner deals past their stage's norm: deal, partner, stage, days in stage,
	 * norm, owner, and the role that owns the stage. {@code norms} lists (stage, days,
	 * owner role, since): since is the latest stage entry that is stalled now
	 * ({@code deals.StageNorm}: longer than the norm in whole days), computed in Java.
	 */
	List<List<Object>> stalled(Long pam, String norms, Instant now, int limit) {
		return this.jdbc
			.sql("""
					SELECT o.name, p.name, o.stage, floor(extract(epoch FROM (CAST(:now AS TIMESTAMPTZ) - o.stage_entered_at)) / 86400),
					       norm.days, u.display_name, norm.owner
					"""
					+ PARTNER_DEAL.replace("WHERE",
							"JOIN (VALUES " + norms
									+ ") AS norm(stage, days, owner, since) ON norm.stage = o.stage WHERE")
					+ OPEN + """
							 AND o.stage_entered_at <= norm.since
							ORDER BY o.stage_entered_at, o.id LIMIT :limit
							""")
			.param("pam", pam)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(CadenceRepository::row)
			.list();
	}

	/** Open partner pipeline closing in [from, to) by stage: stage, deals, amount. */
	List<List<Object>> pipelineByStage(Long pam, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT o.stage, count(*), sum(" + MONEY + ") " + PARTNER_DEAL + OPEN
					+ " AND o.close_date >= :from AND o.close_date < :to GROUP BY o.stage, " + STAGE_ORDER
					+ " ORDER BY " + STAGE_ORDER)
			.param("pam", pam)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(CadenceRepository::row)
			.list();
	}

	/**
	 * Open partner pipeline closing in [from, to) by partner: partner, tier, deals,
	 * amount.
	 */
	List<List<Object>> pipelineByPartner(Long pam, LocalDate from, LocalDate to, int limit) {
		return this.jdbc.sql("SELECT p.name, p.tier, count(*), sum(" + MONEY + ") AS amount " + PARTNER_DEAL + OPEN
				+ " AND o.close_date >= :from AND o.close_date < :to GROUP BY p.id ORDER BY amount DESC, p.id LIMIT :limit")
			.param("pam", pam)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("limit", limit)
			.query(CadenceRepository::row)
			.list();
	}

	/**
	 * Onboarding and active partners with no open deal closing in [from, to): partner,
	 * tier, status, last win.
	 */
	List<List<Object>> partnersWithoutPipeline(Long pam, LocalDate from, LocalDate to, int limit) {
		return this.jdbc
			.sql("""
					SELECT p.name, p.tier, p.lifecycle_status,
					       (SELECT CAST(max(w.closed_at) AT TIME ZONE :zone AS DATE) FROM opportunity w WHERE w.partner_id = p.id AND w.stage = 'CLOSED_WON')
					FROM partner p
					WHERE (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam) AND p.lifecycle_status IN ('ONBOARDING', 'ACTIVE')
					  AND NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = p.id
					                  AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.close_date >= :from AND o.close_date < :to)
					ORDER BY p.tier, p.name LIMIT :limit
					""")
			.param("pam", pam)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("zone", this.calendar.zone().getId())
			.param("limit", limit)
			.query(CadenceRepository::row)
			.list();
	}

	/**
	 * Open account plans of the book (every partner's when {@code pam} is null) that are
	 * overdue or due by {@code horizon}: their next open action is due, or the plan's
	 * goals end, on or before it (the range includes its last day, as every range does).
	 * Partner, account, plan, next action, its due day, due or overdue (against
	 * {@code today}), our owner; overdue first.
	 */
	List<List<Object>> plansDue(Long pam, LocalDate today, LocalDate horizon, int limit) {
		return this.jdbc
			.sql("""
					SELECT p.name, a.name, ap.title, coalesce(na.description, '(no open action)'),
					       least(na.due_on, ap.ends_on) AS due,
					       CASE WHEN least(na.due_on, ap.ends_on) < :today THEN 'overdue' ELSE 'due' END AS state,
					       u.display_name
					FROM account_plan ap JOIN partner p ON p.id = ap.partner_id JOIN account a ON a.id = ap.account_id
					JOIN app_user u ON u.id = ap.vendor_owner_id
					LEFT JOIN LATERAL (SELECT x.description, x.due_on FROM account_plan_action x
					                   WHERE x.plan_id = ap.id AND x.status = 'OPEN' ORDER BY x.due_on, x.id LIMIT 1) na ON TRUE
					WHERE ap.status = 'OPEN' AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
					  AND least(na.due_on, ap.ends_on) <= :horizon
					ORDER BY due, p.name, ap.id LIMIT :limit
					""")
			.param("pam", pam)
			.param("today", Date.valueOf(today))
			.param("horizon", Date.valueOf(horizon))
			.param("limit", limit)
			.query(CadenceRepository::row)
			.list();
	}

	/**
	 * Won revenue in [from, to) by credit (DIRECT for no partner): credit, deals, amount.
	 */
	List<List<Object>> attribution(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT COALESCE(o.credit_type, 'DIRECT') AS credit, count(*), sum(%s)
				FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to
				GROUP BY 1 ORDER BY 1
				""".formatted(MONEY)).param("from", at(from)).param("to", at(to)).query(CadenceRepository::row).list();
	}

	/**
	 * What the program cost in [from, to): incentive earnings by kind (an MDF fund
	 * accrual is a budget, not a cost, so only reimbursements count), with reversals
	 * netted. An earning for a quarter (a rebate, and its recomputations and reversals)
	 * counts in that quarter, whenever it was written (a rebate is written when its
	 * quarter closes, after it ended): it is in [from, to) when its quarter starts there.
	 * Other earnings count on the day they were earned.
	 */
	List<List<Object>> programCost(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT e.kind, count(*), sum(%s)
				FROM incentive_earning e JOIN exchange_rate fx ON fx.currency = e.currency
				WHERE e.kind <> 'MDF_FUND'
				  AND CASE WHEN e.period IS NULL THEN e.earned_at >= :from AND e.earned_at < :to
				           ELSE e.period = ANY (:quarters) END
				GROUP BY e.kind ORDER BY e.kind
				""".formatted(ReportingCurrency.converted("e.amount", "fx.to_reporting")))
			.param("from", at(from))
			.param("to", at(to))
			.param("quarters", quartersStartingIn(from, to))
			.query(CadenceRepository::row)
			.list();
	}

	/** The labels of the fiscal quarters that start in [from, to). */
	private String[] quartersStartingIn(LocalDate from, LocalDate to) {
		var labels = new java.util.ArrayList<String>();
		var quarter = this.calendar.quarterOf(from);
		if (quarter.start().isBefore(from)) {
			quarter = quarter.next();
		}
		for (; quarter.start().isBefore(to); quarter = quarter.next()) {
			labels.add(quarter.label());
		}
		return labels.toArray(String[]::new);
	}

	/**
	 * Growth figures for the moments [from, to): partners onboarded on the days the
	 * window touches, partner-involved won revenue, all won revenue.
	 */
	Map<String, BigDecimal> growth(Instant from, Instant to) {
		var lastDay = this.calendar.dayOf(to);
		var endDay = this.calendar.startOf(lastDay).equals(to) ? lastDay : lastDay.plusDays(1);
		return this.jdbc.sql("""
				SELECT (SELECT count(*) FROM partner WHERE onboarded_on >= :fromDay AND onboarded_on < :toDay),
				       COALESCE(sum(%1$s) FILTER (WHERE o.partner_id IS NOT NULL), 0),
				       COALESCE(sum(%1$s), 0)
				FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to
				""".formatted(MONEY))
			.param("fromDay", Date.valueOf(this.calendar.dayOf(from)))
			.param("toDay", Date.valueOf(endDay))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> Map.of("onboarded", rs.getBigDecimal(1), "partnerRevenue", rs.getBigDecimal(2), "revenue",
					rs.getBigDecimal(3)))
			.single();
	}

	private Timestamp at(LocalDate day) {
		return Timestamp.from(this.calendar.startOf(day));
	}

	/**
	 * A deal's row whose last column says whether its amount is unknown: the amount
	 * before it is then {@link PackMath#AMOUNT_UNKNOWN} (the stored 0 is no amount), and
	 * the flag is left out.
	 */
	private static List<Object> dealRow(ResultSet rs, int n) throws SQLException {
		var row = row(rs, n);
		boolean unknown = Boolean.TRUE.equals(row.remove(row.size() - 1));
		if (unknown) {
			row.set(row.size() - 1, PackMath.AMOUNT_UNKNOWN);
		}
		return row;
	}

	private static List<Object> row(ResultSet rs, int n) throws SQLException {
		var row = new ArrayList<Object>();
		for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
			var value = rs.getObject(i);
			row.add(value instanceof Date date ? date.toLocalDate() : value);
		}
		return row;
	}

}
