package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import com.trellis.shared.FiscalQuarter;
import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ROI figures of a quarter per partner, in one statement over the records (reporting
 * SQL reads the enablement, incentive, deal-fact and deal tables, as metrics does). Every
 * amount is converted into the reporting currency and rounded once before it is summed;
 * an amount in a currency without an exchange rate is left out. The scope is bound in the
 * SQL: a partner user's own partner, a PAM's book, or the program.
 */
@Repository
class RoiRepository {

	/**
	 * Each partner's figures: its tier on the day, costs, pipeline and revenue, and (with
	 * {@code LIFT_CTES}) its closes against the direct baseline of their industries.
	 */
	private static final String FIGURES_SQL = """
			WITH scope AS (
			    SELECT p.id, p.name, %6$s AS tier, p.lifecycle_status,
			           CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= :tierDay ELSE p.created_at < :until END
			             AS existed
			    FROM partner p%10$s
			    WHERE (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
			      AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
			      AND (CAST(:onePartner AS BIGINT) IS NULL OR p.id = :onePartner)
			),
			rate AS (
			    SELECT %4$s AS pam, r.enablement_hour_cost AS hour_cost, efx.to_reporting AS hour_rate
			    FROM roi_cost_rate r JOIN exchange_rate pfx ON pfx.currency = r.pam_currency
			    JOIN exchange_rate efx ON efx.currency = r.enablement_currency
			),
			hours AS (
			    SELECT c.partner_id, sum(i.hours) AS hours FROM enablement_completion c
			    JOIN enablement_item i ON i.id = c.item_id JOIN scope s ON s.id = c.partner_id
			    WHERE c.completed_on >= :fromDay AND c.completed_on < :toDay GROUP BY c.partner_id
			),
			paid AS (
			    SELECT pi.partner_id,
			           sum(%1$s) FILTER (WHERE e.kind = 'MDF_REIMBURSEMENT') AS mdf,
			           sum(%1$s) FILTER (WHERE e.kind <> 'MDF_REIMBURSEMENT') AS incentives
			    FROM payout_item pi JOIN incentive_earning e ON e.id = pi.earning_id
			    JOIN exchange_rate fx ON fx.currency = pi.currency JOIN scope s ON s.id = pi.partner_id
			    WHERE pi.paid_at >= :from AND pi.paid_at < :to GROUP BY pi.partner_id
			),
			spend AS (
			    SELECT sp.partner_id, sum(%2$s) AS spend FROM roi_program_spend sp
			    JOIN exchange_rate fx ON fx.currency = sp.currency JOIN scope s ON s.id = sp.partner_id
			    WHERE sp.spent_on >= :fromDay AND sp.spent_on < :toDay GROUP BY sp.partner_id
			),
			made AS (
			    SELECT f.partner_id, sum(f.created_reporting) AS pipeline, sum(f.won_reporting) AS revenue
			    FROM partner_day_fact f JOIN scope s ON s.id = f.partner_id
			    WHERE f.day >= :fromDay AND f.day < :toDay GROUP BY f.partner_id
			)%7$s
			SELECT s.id, s.name, s.tier, coalesce(h.hours, 0) AS hours,
			       coalesce(%5$s, 0) AS enablement,
			       coalesce(pd.mdf, 0) AS mdf, coalesce(pd.incentives, 0) AS incentives, coalesce(sp.spend, 0) AS spend,
			       CASE WHEN s.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT') AND s.existed
			            THEN round(coalesce((SELECT pam FROM rate), 0), %3$s) ELSE 0 END AS pam,
			       coalesce(m.pipeline, 0) AS pipeline, coalesce(m.revenue, 0) AS revenue,
			       %8$s
			FROM scope s LEFT JOIN hours h ON h.partner_id = s.id LEFT JOIN paid pd ON pd.partner_id = s.id
			LEFT JOIN spend sp ON sp.partner_id = s.id LEFT JOIN made m ON m.partner_id = s.id
			%9$s
			ORDER BY s.id
			""";

	/** The closes of the quarter against the direct baseline of their industries. */
	private static final String LIFT_CTES = """
			,
			closed AS (
			    SELECT o.partner_id, o.stage, coalesce(a.industry, '') AS industry FROM opportunity o
			    JOIN account a ON a.id = o.account_id
			    WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND o.closed_at >= :from AND o.closed_at < :to
			),
			baseline AS (
			    SELECT industry, avg(CASE WHEN stage = 'CLOSED_WON' THEN 1.0 ELSE 0.0 END) AS rate FROM closed
			    WHERE partner_id IS NULL GROUP BY industry
			),
			lift AS (
			    SELECT c.partner_id, count(*) AS deals, count(*) FILTER (WHERE c.stage = 'CLOSED_WON') AS won,
			           sum(b.rate) AS expected
			    FROM closed c JOIN baseline b ON b.industry = c.industry JOIN scope s ON s.id = c.partner_id
			    GROUP BY c.partner_id
			)""";

	/**
	 * Each partner's tier on {@code :tierDay}, set-based: what
	 * {@code partner_tier_on(p.id, :tierDay)} gives one partner at a time (the latest
	 * change's tier by then, else the first change's former tier) read from the tier
	 * history in one pass, its tier now when it never changed.
	 */
	private static final String TIER_JOINS = """

			LEFT JOIN (SELECT DISTINCT ON (partner_id) partner_id, to_tier FROM tier_change
			           WHERE effective_on <= :tierDay ORDER BY partner_id, effective_on DESC, id DESC) t1
			  ON t1.partner_id = p.id
			LEFT JOIN (SELECT DISTINCT ON (partner_id) partner_id, from_tier FROM tier_change
			           ORDER BY partner_id, effective_on, id) t2 ON t2.partner_id = p.id""";

	/** The quarter's figures of each partner, lift and tier included (the report). */
	private static final String FIGURES = figures("coalesce(t1.to_tier, t2.from_tier, p.tier)", TIER_JOINS, LIFT_CTES,
			"coalesce(l.deals, 0) AS deals, coalesce(l.won, 0) AS won, coalesce(l.expected, 0) AS expected",
			"LEFT JOIN lift l ON l.partner_id = s.id");

	/**
	 * The quarter's figures of each partner without the lift and with its tier now: what
	 * a quarter's total in the trend sums (cost, pipeline and revenue), read without the
	 * quarter's closes.
	 */
	private static final String COSTS = figures("p.tier", "", "", "0 AS deals, 0 AS won, 0 AS expected", "");

	private static String figures(String tier, String tierJoins, String liftCtes, String liftColumns, String liftJoin) {
		return FIGURES_SQL.formatted(ReportingCurrency.converted("pi.amount", "fx.to_reporting"),
				ReportingCurrency.converted("sp.amount", "fx.to_reporting"),
				com.trellis.shared.MinorUnits.of(ReportingCurrency.CODE),
				ReportingCurrency.converted("r.pam_cost_per_partner", "pfx.to_reporting"), ReportingCurrency
					.converted("coalesce(h.hours, 0) * (SELECT hour_cost FROM rate)", "(SELECT hour_rate FROM rate)"),
				tier, liftCtes, liftColumns, liftJoin, tierJoins);
	}

	private final JdbcClient jdbc;

	RoiRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Each partner's figures in the scope for the quarter from {@code from} to
	 * {@code to}, with the tier it had on {@code tierDay} (from the tier history; its
	 * tier now when it never changed). PAM time is charged only for a partner that
	 * existed by then: onboarded on or before {@code tierDay}, or, without an onboarding
	 * day, created before {@code until} (the quarter's end, or now for the quarter in
	 * progress). Without {@code lift} the closes are not read (comparable and won deals
	 * and the expected wins are 0) and the tier is the partner's tier now: what a
	 * quarter's total in the trend needs.
	 */
	List<PartnerQuarter.Row> figures(RoiScope scope, FiscalQuarter quarter, java.time.Instant from,
			java.time.Instant to, java.time.LocalDate tierDay, java.time.Instant until, boolean lift) {
		return this.jdbc.sql(lift ? FIGURES : COSTS)
			.param("tierDay", Date.valueOf(tierDay))
			.param("until", Timestamp.from(until))
			.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.param("onePartner", scope.onePartner())
			.param("fromDay", Date.valueOf(quarter.start()))
			.param("toDay", Date.valueOf(quarter.end()))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(RoiRepository::row)
			.list();
	}

	private static PartnerQuarter.Row row(ResultSet rs, int n) throws SQLException {
		return new PartnerQuarter.Row(rs.getLong("id"), rs.getString("name"), rs.getString("tier"),
				rs.getBigDecimal("hours"),
				new RoiRule.Cost(rs.getBigDecimal("enablement"), rs.getBigDecimal("mdf"),
						rs.getBigDecimal("incentives"), rs.getBigDecimal("spend"), rs.getBigDecimal("pam")),
				ReportingCurrency.round(rs.getBigDecimal("pipeline")),
				ReportingCurrency.round(rs.getBigDecimal("revenue")), rs.getLong("deals"), rs.getLong("won"),
				rs.getBigDecimal("expected"));
	}

	/**
	 * The cohorts each partner in the scope belonged to at a moment (cohort membership
	 * history, read as reporting SQL): cohort id and name with the partner, by cohort
	 * name.
	 */
	List<Member> members(RoiScope scope, java.time.Instant at) {
		return this.jdbc.sql("""
				SELECT c.id, c.name, m.partner_id FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id
				JOIN partner p ON p.id = m.partner_id
				WHERE m.valid_from < :at AND (m.valid_to IS NULL OR m.valid_to >= :at)
				  AND (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
				  AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
				  AND (CAST(:onePartner AS BIGINT) IS NULL OR p.id = :onePartner)
				ORDER BY c.name, c.id, m.partner_id
				""")
			.param("at", Timestamp.from(at))
			.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.param("onePartner", scope.onePartner())
			.query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/** A partner's membership of a cohort. */
	record Member(long cohortId, String cohort, long partnerId) {
	}

	long addSpend(long partnerId, java.time.LocalDate spentOn, BigDecimal amount, String currency, String purpose,
			long by, java.time.Instant now) {
		return this.jdbc
			.sql("""
					INSERT INTO roi_program_spend (partner_id, spent_on, amount, currency, purpose, recorded_by, recorded_at)
					VALUES (:partner, :day, :amount, :currency, :purpose, :by, :now) RETURNING id
					""")
			.param("partner", partnerId)
			.param("day", Date.valueOf(spentOn))
			.param("amount", amount)
			.param("currency", currency)
			.param("purpose", purpose)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	List<SpendView> spend(RoiScope scope, int limit) {
		return this.jdbc.sql("""
				SELECT sp.id, sp.partner_id, p.name, sp.spent_on, sp.amount, sp.currency, sp.purpose
				FROM roi_program_spend sp JOIN partner p ON p.id = sp.partner_id
				WHERE (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
				  AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
				ORDER BY sp.spent_on DESC, sp.id DESC LIMIT :limit
				""")
			.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.param("limit", limit)
			.query(RoiRepository::spendView)
			.list();
	}

	java.util.Optional<SpendView> spendEntry(long id) {
		return this.jdbc.sql("""
				SELECT sp.id, sp.partner_id, p.name, sp.spent_on, sp.amount, sp.currency, sp.purpose
				FROM roi_program_spend sp JOIN partner p ON p.id = sp.partner_id
				WHERE sp.id = :id
				""").param("id", id).query(RoiRepository::spendView).optional();
	}

	void correctSpend(long id, long partnerId, java.time.LocalDate spentOn, BigDecimal amount, String currency,
			String purpose) {
		this.jdbc.sql("""
				UPDATE roi_program_spend
				SET partner_id = :partner, spent_on = :day, amount = :amount, currency = :currency, purpose = :purpose
				WHERE id = :id
				""")
			.param("id", id)
			.param("partner", partnerId)
			.param("day", Date.valueOf(spentOn))
			.param("amount", amount)
			.param("currency", currency)
			.param("purpose", purpose)
			.update();
	}

	void deleteSpend(long id) {
		this.jdbc.sql("DELETE FROM roi_program_spend WHERE id = :id").param("id", id).update();
	}

	private static SpendView spendView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new SpendView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
				com.trellis.shared.MinorUnits.round(rs.getBigDecimal(5), rs.getString(6)), rs.getString(6),
				rs.getString(7));
	}

	CostRates rates() {
		return this.jdbc.sql("""
				SELECT pam_cost_per_partner, pam_currency, enablement_hour_cost, enablement_currency FROM roi_cost_rate
				WHERE id = 1
				""")
			.query((rs, n) -> new CostRates(com.trellis.shared.MinorUnits.round(rs.getBigDecimal(1), rs.getString(2)),
					rs.getString(2), com.trellis.shared.MinorUnits.round(rs.getBigDecimal(3), rs.getString(4)),
					rs.getString(4)))
			.single();
	}

	void setRates(CostRates rates, long by, java.time.Instant now) {
		this.jdbc
			.sql("""
					UPDATE roi_cost_rate SET pam_cost_per_partner = :pam, pam_currency = :pamCurrency,
					       enablement_hour_cost = :hour, enablement_currency = :hourCurrency, updated_by = :by, updated_at = :now
					WHERE id = 1
					""")
			.param("pam", rates.pamCostPerPartner())
			.param("pamCurrency", rates.pamCurrency())
			.param("hour", rates.enablementHourCost())
			.param("hourCurrency", rates.enablementCurrency())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update();
	}

}
