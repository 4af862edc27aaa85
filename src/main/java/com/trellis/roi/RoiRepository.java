package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import com.trellis.shared.FiscalQuarter;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ROI figures of a quarter per partner, in one statement over the records (reporting
 * SQL reads the enablement, incentive, payout and spend tables and the ROI facts of
 * module facts, as metrics does; the statements are {@link RoiQuarterSql}), the cohort
 * memberships, program spend and cost rates.
 */
@Repository
class RoiRepository {

	/** The cost rates' name in {@link com.trellis.shared.SettingVersions}. */
	private static final String RATES = "roi-cost-rates";

	private final JdbcClient jdbc;

	private final com.trellis.shared.SettingVersions versions;

	RoiRepository(JdbcClient jdbc, com.trellis.shared.SettingVersions versions) {
		this.jdbc = jdbc;
		this.versions = versions;
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
		return figures(lift ? RoiQuarterSql.FIGURES : RoiQuarterSql.COSTS, scope, quarter, from, to, tierDay, until);
	}

	/** {@link #figures} with the given statement. */
	List<PartnerQuarter.Row> figures(String sql, RoiScope scope, FiscalQuarter quarter, java.time.Instant from,
			java.time.Instant to, java.time.LocalDate tierDay, java.time.Instant until) {
		return params(this.jdbc.sql(sql), scope, quarter, from, to, tierDay, until).query(RoiRepository::row).list();
	}

	private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement, RoiScope scope,
			FiscalQuarter quarter, java.time.Instant from, java.time.Instant to, java.time.LocalDate tierDay,
			java.time.Instant until) {
		return statement.param("tierDay", Date.valueOf(tierDay))
			.param("until", Timestamp.from(until))
			.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.param("onePartner", scope.onePartner())
			.param("fromDay", Date.valueOf(quarter.start()))
			.param("toDay", Date.valueOf(quarter.end()))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to));
	}

	/**
	 * A quarter's total over the scope as {@link RoiReport.Total#of(String, List)} sums
	 * the rows {@link #figures} gives without the lift, summed in the database: the same
	 * per-partner values (costs already rounded per partner, pipeline and revenue rounded
	 * per partner as the rows are), one row back instead of one per partner. For the
	 * trend's quarters.
	 */
	RoiReport.Total total(String group, RoiScope scope, FiscalQuarter quarter, java.time.Instant from,
			java.time.Instant to, java.time.LocalDate tierDay, java.time.Instant until) {
		return params(this.jdbc.sql(RoiPageSql.forScope(RoiQuarterSql.TOTAL, scope)), scope, quarter, from, to, tierDay,
				until)
			.query((rs, n) -> total(group, rs))
			.single();
	}

	/**
	 * A quarter of the trend: its label, quarter and window as {@link #total} takes them.
	 */
	record Period(String group, FiscalQuarter quarter, java.time.Instant from, java.time.Instant to,
			java.time.LocalDate tierDay, java.time.Instant until) {
	}

	/**
	 * Each period's {@link #total} in one statement ({@link RoiTrendSql}): the scope read
	 * and counted once for all of them, in the periods' order; none for none. The
	 * program's sums are read from the kept sums per quarter (V200), a book's or a
	 * partner's from its partners' kept quarter rows.
	 */
	List<RoiReport.Total> totals(RoiScope scope, List<Period> periods) {
		boolean program = scope.partnerId() == null && scope.pamId() == null && scope.onePartner() == null;
		return totals(RoiTrendSql.totals(periods.size(), program), scope, periods);
	}

	/**
	 * {@link #totals(RoiScope, List)} with the given statement for the periods (the tests
	 * run the per-partner one for the program, as it read before V200).
	 */
	List<RoiReport.Total> totals(String sql, RoiScope scope, List<Period> periods) {
		if (periods.isEmpty()) {
			return List.of();
		}
		var statement = this.jdbc.sql(RoiPageSql.forScope(sql, scope))
			.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.param("onePartner", scope.onePartner());
		for (int i = 0; i < periods.size(); i++) {
			var period = periods.get(i);
			statement = statement.param("fromDay" + i, Date.valueOf(period.quarter().start()))
				.param("toDay" + i, Date.valueOf(period.quarter().end()))
				.param("from" + i, Timestamp.from(period.from()))
				.param("to" + i, Timestamp.from(period.to()))
				.param("tierDay" + i, Date.valueOf(period.tierDay()))
				.param("until" + i, Timestamp.from(period.until()));
		}
		return statement.query((rs, n) -> total(periods.get(rs.getInt("i")).group(), rs)).list();
	}

	private static RoiReport.Total total(String group, ResultSet rs) throws SQLException {
		long partners = rs.getLong("partners");
		return RoiReport.Total.of(group, partners, rs.getBigDecimal("hours"),
				new RoiRule.Cost(rs.getBigDecimal("enablement"), rs.getBigDecimal("mdf"),
						rs.getBigDecimal("incentives"), rs.getBigDecimal("spend"), rs.getBigDecimal("pam")),
				partners == 0 ? BigDecimal.ZERO : ReportingCurrency.round(rs.getBigDecimal("pipeline")),
				partners == 0 ? BigDecimal.ZERO : ReportingCurrency.round(rs.getBigDecimal("revenue")));
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
	 * A partner user's ROI names no cohort an admin made by hand (its name is the
	 * vendor's own note, as {@code Cohorts.ofPartner} keeps it); {@code c} is the cohort,
	 * {@code :scopePartner} the partner user's partner.
	 */
	static final String NO_HAND_COHORT_FOR_A_PARTNER = "(CAST(:scopePartner AS BIGINT) IS NULL OR c.kind = 'RULE')";

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
				  AND """ + NO_HAND_COHORT_FOR_A_PARTNER + """
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

	/** Where the spend entries of a scope (and, with {@code from}, of a quarter) are. */
	private static final String SPEND_FROM = """
			FROM roi_program_spend sp JOIN partner p ON p.id = sp.partner_id
			WHERE (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
			  AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
			  AND (CAST(:from AS DATE) IS NULL OR sp.spent_on >= :from AND sp.spent_on < :until)
			""";

	/**
	 * A page of the scope's program spend, newest first (by day, then by entry); with
	 * {@code from} and {@code until} (both or neither), only what was spent from that day
	 * up to but not including {@code until}. Counted in full (spend is entered by hand).
	 */
	PageResult<SpendView> spend(RoiScope scope, java.time.LocalDate from, java.time.LocalDate until, PageRequest page) {
		var items = spendWhere(scope, from, until, this.jdbc.sql("""
				SELECT sp.id, sp.partner_id, p.name, sp.spent_on, sp.amount, sp.currency, sp.purpose
				""" + SPEND_FROM + " ORDER BY sp.spent_on DESC, sp.id DESC LIMIT :limit OFFSET :offset"))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(RoiRepository::spendView)
			.list();
		long total = spendWhere(scope, from, until, this.jdbc.sql("SELECT count(*) " + SPEND_FROM)).query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private static JdbcClient.StatementSpec spendWhere(RoiScope scope, java.time.LocalDate from,
			java.time.LocalDate until, JdbcClient.StatementSpec statement) {
		return statement.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.param("from", from == null ? null : Date.valueOf(from))
			.param("until", until == null ? null : Date.valueOf(until));
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

	long ratesVersion() {
		return this.versions.version(RATES);
	}

	/** Saves the rates if they are still at {@code seen} (null: unchecked). */
	void setRates(CostRates rates, Long seen, long by, java.time.Instant now) {
		this.versions.advance(RATES, seen, by, "the cost rates");
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
