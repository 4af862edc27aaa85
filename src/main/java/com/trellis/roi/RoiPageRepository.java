package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.FiscalQuarter;
import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ROI page's read ({@link RoiPageSql#PAGE}, one statement): the totals per tier and
 * cohort summed in the database, the listed partners and the first ones to reinvest in,
 * each computed for those rows only, from the scope's costs computed once. The quarter
 * runs from {@code from} to {@code to}; {@code tierDay} is its last day (today for the
 * quarter in progress) and {@code until} its end (now for the quarter in progress), as in
 * {@link RoiRepository#figures}.
 */
@Repository
class RoiPageRepository {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	RoiPageRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** The quarter's window and scope, bound to each statement. */
	record Window(RoiScope scope, FiscalQuarter quarter, Instant from, Instant to, LocalDate tierDay, Instant until) {

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			for (var entry : params().getValues().entrySet()) {
				statement = statement.param(entry.getKey(), entry.getValue());
			}
			return statement;
		}

		/** The window's parameters by name. */
		MapSqlParameterSource params() {
			return new MapSqlParameterSource().addValue("tierDay", Date.valueOf(this.tierDay))
				.addValue("until", Timestamp.from(this.until))
				.addValue("scopePartner", this.scope.partnerId())
				.addValue("pam", this.scope.pamId())
				.addValue("onePartner", this.scope.onePartner())
				.addValue("fromDay", Date.valueOf(this.quarter.start()))
				.addValue("toDay", Date.valueOf(this.quarter.end()))
				.addValue("from", Timestamp.from(this.from))
				.addValue("to", Timestamp.from(this.to));
		}

	}

	/** Every cohort: no cohort page. */
	static final int ALL_COHORTS = Integer.MAX_VALUE;

	/**
	 * The page's figures in one statement (the program's from kept sums,
	 * {@link RoiProgramPageSql#PAGE}) with every cohort's totals:
	 * {@link #page(String, Window, Instant, LocalDate, int, int, int, int)} of the
	 * scope's statement.
	 */
	Page page(Window window, Instant at, LocalDate asOf, int listed, int reinvested) {
		return page(window, at, asOf, listed, reinvested, 0, ALL_COHORTS);
	}

	/** {@link #page(Window, Instant, LocalDate, int, int)} with a page of the cohorts. */
	Page page(Window window, Instant at, LocalDate asOf, int listed, int reinvested, int cohortOffset,
			int cohortLimit) {
		var scope = window.scope();
		boolean program = scope.partnerId() == null && scope.pamId() == null && scope.onePartner() == null;
		return page(program ? RoiProgramPageSql.PAGE : RoiPageSql.PAGE, window, at, asOf, listed, reinvested,
				cohortOffset, cohortLimit);
	}

	/**
	 * {@link #page} with the given statement (the tests run the statements it replaced),
	 * every cohort.
	 */
	Page page(String sql, Window window, Instant at, LocalDate asOf, int listed, int reinvested) {
		return page(sql, window, at, asOf, listed, reinvested, 0, ALL_COHORTS);
	}

	/**
	 * The page's figures: the totals per tier (by tier); of the cohorts with members at
	 * {@code at} (by cohort name, then id) the {@code cohortLimit} after the first
	 * {@code cohortOffset}, each {@link RoiReport.Total#of(String, List)} of the group's
	 * rows, and how many there are (the {@code 'N'} row; a statement without one, as the
	 * tests' earlier statements, gives all of them and their number); the {@code listed}
	 * partners of highest cost (ties by id) with all their figures; the first
	 * {@code reinvested} partners outside tier 1 in the reinvest order, each with its
	 * momentum as of {@code asOf} (null without both scores) and the quarter's cost.
	 */
	Page page(String sql, Window window, Instant at, LocalDate asOf, int listed, int reinvested, int cohortOffset,
			int cohortLimit) {
		var tiers = new ArrayList<RoiReport.Total>();
		var cohorts = new ArrayList<RoiReport.Total>();
		var rows = new ArrayList<PartnerQuarter.Row>();
		var candidates = new ArrayList<Candidate>();
		long[] cohortCount = { -1 };
		var params = window.params()
			.addValue("at", Timestamp.from(at))
			.addValue("listed", listed)
			.addValue("asOf", Date.valueOf(asOf))
			.addValue("days", 7 * VelocityRepository.MOMENTUM_WEEKS)
			.addValue("building", VelocityRule.BUILDING)
			.addValue("stalling", VelocityRule.STALLING)
			.addValue("reinvested", reinvested)
			.addValue("cohortOffset", (long) cohortOffset)
			.addValue("cohortLimit", (long) cohortLimit);
		RowCallbackHandler read = (ResultSet rs) -> {
			switch (rs.getString("kind")) {
				case "T" -> tiers.add(total(rs));
				case "C" -> cohorts.add(total(rs));
				case "N" -> cohortCount[0] = rs.getLong("partners");
				case "L" -> rows.add(listed(rs));
				default -> candidates.add(new Candidate(rs.getLong("id"), rs.getString("name"), rs.getString("tier"),
						ReportingCurrency.round(rs.getBigDecimal("cost")), rs.getBigDecimal("momentum")));
			}
		};
		var text = RoiPageSql.forScope(sql, window.scope());
		if (RoiProgramPageSql.PAGE.equals(sql)) {
			PlannedOnce.query(this.named, text, params, read);
		}
		else {
			this.jdbc.sql(text).paramSource(params).query(read);
		}
		tiers.sort(java.util.Comparator.comparing(RoiReport.Total::group));
		return new Page(List.copyOf(tiers), List.copyOf(cohorts), cohortCount[0] < 0 ? cohorts.size() : cohortCount[0],
				List.copyOf(rows), List.copyOf(candidates));
	}

	/**
	 * The page's figures: totals per tier, a page of the cohorts' totals and how many
	 * cohorts have members, the listed partners and the partners to reinvest in, each in
	 * the page's order.
	 */
	record Page(List<RoiReport.Total> tiers, List<RoiReport.Total> cohorts, long cohortCount,
			List<PartnerQuarter.Row> listed, List<Candidate> reinvest) {
	}

	private static RoiReport.Total total(ResultSet rs) throws SQLException {
		return RoiReport.Total.of(rs.getString("grp"), rs.getLong("partners"), rs.getBigDecimal("hours"),
				new RoiRule.Cost(rs.getBigDecimal("enablement"), rs.getBigDecimal("mdf"),
						rs.getBigDecimal("incentives"), rs.getBigDecimal("spend"), rs.getBigDecimal("pam")),
				ReportingCurrency.round(rs.getBigDecimal("pipeline")),
				ReportingCurrency.round(rs.getBigDecimal("revenue")));
	}

	private static PartnerQuarter.Row listed(ResultSet rs) throws SQLException {
		return new PartnerQuarter.Row(rs.getLong("id"), rs.getString("name"), rs.getString("tier"),
				rs.getBigDecimal("hours"),
				new RoiRule.Cost(rs.getBigDecimal("enablement"), rs.getBigDecimal("mdf"),
						rs.getBigDecimal("incentives"), rs.getBigDecimal("spend"), rs.getBigDecimal("pam")),
				ReportingCurrency.round(rs.getBigDecimal("pipeline")),
				ReportingCurrency.round(rs.getBigDecimal("revenue")), rs.getLong("deals"), rs.getLong("won"),
				rs.getBigDecimal("expected"));
	}

	/** A partner the reinvest list may show. */
	record Candidate(long partnerId, String name, String tier, BigDecimal cost, BigDecimal momentum) {
	}

}
