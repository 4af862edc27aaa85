package com.trellis.forecast;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.partners.Tier;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ReportingCurrency;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import com.trellis.tiers.OverrideCommand;
import com.trellis.tiers.PartnerTiers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-up reads the open deals once, each with its group (V83); its figures and deal
 * lines must equal those of the query it replaced, for every kind of scope, in this
 * quarter and the next, with partners whose tier changed and deals called commit.
 */
@TrellisTest
class RollUpEquivalenceTests {

	@Autowired
	ForecastRollUps repository;

	@Autowired
	ForecastModel model;

	@Autowired
	LiveModel live;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PartnerTiers tiers;

	@Autowired
	TestClock clock;

	@Test
	void everyScopesRollUpAndDealLinesEqualThoseOfTheQueryItReplaced() {
		var world = this.fixtures.world("Equivalence Partner");
		var admin = this.fixtures.user(Role.ADMIN);
		this.clock.advance(Duration.ofDays(3));
		// a tier change after the first deal: the two deals are in different groups
		this.tiers.override(admin, world.partnerId(), new OverrideCommand(Tier.TIER_1_INVEST, "Promoted for a launch",
				this.clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(30)));
		this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "5000.00");
		this.jdbc.sql("""
				INSERT INTO forecast_call (opportunity_id, called_by, called_at)
				SELECT id, owner_id, now() FROM opportunity WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				ORDER BY id LIMIT 5 ON CONFLICT DO NOTHING
				""").update();
		this.live.relearn();
		var probabilities = ForecastModel.probabilityValues(this.live.probabilities());
		var norms = this.model.normValues(this.live.norms(), this.live.paths());
		var today = this.calendar.today();
		var current = this.calendar.quarterOf(today);
		int compared = 0;
		int windowed = 0;
		BigDecimal weighted = BigDecimal.ZERO;
		for (var scope : scopes()) {
			for (var quarter : List.of(current, current.next())) {
				var now = this.repository.rollUp(probabilities, norms, scope.predicate(), scope.id(), quarter.start(),
						quarter.end(), today);
				var before = replacedRollUp(probabilities, norms, scope, quarter.start(), quarter.end(), today);
				assertThat(now).as("roll-up of %s in %s", scope, quarter.label()).isEqualTo(before);
				var lines = this.repository.lines(probabilities, norms, scope.predicate(), scope.id(), quarter.start(),
						quarter.end(), today, 25);
				var replaced = replacedLines(probabilities, norms, scope, quarter.start(), quarter.end(), today, 25);
				assertThat(lines).as("deal lines of %s in %s", scope, quarter.label()).isEqualTo(replaced);
				// the first look among the largest deals only: too small a window to hold
				// the lines (read again over all), one just large enough, and none
				for (int window : new int[] { 1, 3, 26, 0 }) {
					assertThat(this.repository.lines(probabilities, norms, scope.predicate(), scope.id(),
							quarter.start(), quarter.end(), today, 25, window))
						.as("deal lines of %s in %s looked for among the %d largest", scope, quarter.label(), window)
						.isEqualTo(replaced);
					assertThat(this.repository.lines(probabilities, norms, scope.predicate(), scope.id(),
							quarter.start(), quarter.end(), today, 2, window))
						.as("the two largest lines of %s in %s, window %d", scope, quarter.label(), window)
						.isEqualTo(replaced.subList(0, Math.min(2, replaced.size())));
				}
				windowed += replaced.size() >= 2 ? 1 : 0;
				weighted = weighted.add(now.get("weighted"));
				compared++;
			}
		}
		// both quarters of every scope from one reading (its /forecast page) equal each
		// quarter read alone
		var both = List.of(new LocalDate[] { current.start(), current.end() },
				new LocalDate[] { current.next().start(), current.next().end() });
		for (var scope : scopes()) {
			assertThat(this.repository.rollUps(probabilities, norms, scope, both, today))
				.as("both quarters of %s", scope)
				.containsExactly(
						this.repository.rollUp(probabilities, norms, scope, current.start(), current.end(), today),
						this.repository.rollUp(probabilities, norms, scope, current.next().start(),
								current.next().end(), today));
		}
		// the program's and its partner deals' roll-ups of both quarters from one reading
		// (the admin's and the executive's /forecast and home) equal each read alone
		var together = this.repository.programAndPartners(probabilities, norms, both, today);
		for (int i = 0; i < 2; i++) {
			var quarter = i == 0 ? current : current.next();
			assertThat(together.get(i)).as("program and partners in %s", quarter.label())
				.containsExactly(
						this.repository.rollUp(probabilities, norms, Scope.PROGRAM, quarter.start(), quarter.end(),
								today),
						this.repository.rollUp(probabilities, norms, Scope.PARTNERS, quarter.start(), quarter.end(),
								today));
		}
		assertThat(compared).isGreaterThan(10);
		assertThat(windowed).as("scopes with at least two deal lines").isPositive();
		assertThat(weighted).as("the comparison covers open deals").isPositive();
		assertThat(this.jdbc.sql("SELECT count(DISTINCT partner_id) FROM tier_change").query(Long.class).single())
			.as("partners with a tier history")
			.isPositive();
	}

	private List<Scope> scopes() {
		var scopes = new ArrayList<Scope>(List.of(Scope.PROGRAM, Scope.PARTNERS));
		for (var kind : List.of(Scope.Kind.PAM, Scope.Kind.REP, Scope.Kind.MANAGER)) {
			var role = switch (kind) {
				case PAM -> "PAM";
				case REP -> "AE";
				default -> "SALES_MANAGER";
			};
			this.jdbc.sql("SELECT id FROM app_user WHERE role = :role ORDER BY id LIMIT 3")
				.param("role", role)
				.query(Long.class)
				.list()
				.forEach(id -> scopes.add(new Scope(kind, id)));
		}
		this.jdbc.sql("SELECT id FROM partner ORDER BY id LIMIT 4")
			.query(Long.class)
			.list()
			.forEach(id -> scopes.add(new Scope(Scope.Kind.PARTNER, id)));
		this.jdbc.sql("SELECT DISTINCT partner_id FROM tier_change ORDER BY partner_id LIMIT 3")
			.query(Long.class)
			.list()
			.forEach(id -> scopes.add(new Scope(Scope.Kind.PARTNER, id)));
		return scopes;
	}

	/** The open deals as the roll-up read them before V83. */
	private static String replacedOpen(String scope) {
		return """
				open AS (
				  SELECT o.id, o.name, p.name AS partner, o.owner_id, %s AS amount, o.stage, %s AS grp, %s AS expected
				  FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency LEFT JOIN partner p ON p.id = o.partner_id
				  JOIN norm n ON n.stage = o.stage AND n.grp = %s
				  WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND %s)
				"""
			.formatted(ReportingCurrency.DEAL_AMOUNT, ForecastRepository.GROUP, ExpectedClose.SQL,
					ForecastRepository.GROUP, scope);
	}

	private Map<String, BigDecimal> replacedRollUp(String probabilities, String norms, Scope scope,
			LocalDate quarterStart, LocalDate quarterEnd, LocalDate today) {
		var sql = """
				WITH prob(stage, grp, p) AS (VALUES %s),
				norm(stage, grp, own, later) AS (VALUES %s),
				%s
				SELECT COALESCE(sum(open.amount) FILTER (WHERE fc.opportunity_id IS NOT NULL), 0),
				       COALESCE(sum(open.amount) FILTER (WHERE fc.opportunity_id IS NOT NULL OR pr.p >= 0.5), 0),
				       COALESCE(sum(open.amount * pr.p), 0),
				       (SELECT COALESCE(sum(%s), 0) FROM opportunity o
				        JOIN exchange_rate fx ON fx.currency = o.currency LEFT JOIN partner p ON p.id = o.partner_id
				        WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= :qStartTs AND o.closed_at < :qEndTs AND %s)
				FROM open JOIN prob pr ON pr.stage = open.stage AND pr.grp = open.grp
				LEFT JOIN forecast_call fc ON fc.opportunity_id = open.id
				WHERE open.expected >= :qStart AND open.expected < :qEnd
				""".formatted(probabilities, norms, replacedOpen(scope.predicate()), ReportingCurrency.DEAL_AMOUNT,
				scope.predicate());
		return this.jdbc.sql(sql)
			.param("today", Date.valueOf(today))
			.param("qStart", Date.valueOf(quarterStart))
			.param("qEnd", Date.valueOf(quarterEnd))
			.param("qStartTs", Timestamp.from(this.calendar.startOf(quarterStart)))
			.param("qEndTs", Timestamp.from(this.calendar.startOf(quarterEnd)))
			.param("zone", this.calendar.zone().getId())
			.param("scopeId", scope.id() == null ? 0L : scope.id())
			.query((rs, n) -> Map.of("commit", ReportingCurrency.round(rs.getBigDecimal(1)), "bestCase",
					ReportingCurrency.round(rs.getBigDecimal(2)), "weighted",
					ReportingCurrency.round(rs.getBigDecimal(3)), "closed",
					ReportingCurrency.round(rs.getBigDecimal(4))))
			.single();
	}

	private List<ForecastLine> replacedLines(String probabilities, String norms, Scope scope, LocalDate quarterStart,
			LocalDate quarterEnd, LocalDate today, int limit) {
		var sql = """
				WITH prob(stage, grp, p) AS (VALUES %s),
				norm(stage, grp, own, later) AS (VALUES %s),
				%s
				SELECT open.id, open.name, open.partner, u.display_name, open.stage, open.amount, pr.p, open.expected,
				       CASE WHEN fc.opportunity_id IS NOT NULL THEN 'COMMIT' WHEN pr.p >= 0.5 THEN 'BEST_CASE' ELSE 'PIPELINE' END,
				       (SELECT o.amount_unknown FROM opportunity o WHERE o.id = open.id)
				FROM open JOIN prob pr ON pr.stage = open.stage AND pr.grp = open.grp
				JOIN app_user u ON u.id = open.owner_id
				LEFT JOIN forecast_call fc ON fc.opportunity_id = open.id
				WHERE open.expected >= :qStart AND open.expected < :qEnd
				ORDER BY open.amount DESC, open.id LIMIT :limit
				"""
			.formatted(probabilities, norms, replacedOpen(scope.predicate()));
		return this.jdbc.sql(sql)
			.param("today", Date.valueOf(today))
			.param("qStart", Date.valueOf(quarterStart))
			.param("qEnd", Date.valueOf(quarterEnd))
			.param("zone", this.calendar.zone().getId())
			.param("scopeId", scope.id() == null ? 0L : scope.id())
			.param("limit", limit)
			.query((rs, n) -> new ForecastLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBoolean(10) ? null : rs.getBigDecimal(6), rs.getBigDecimal(7),
					rs.getObject(8, LocalDate.class), rs.getString(9), rs.getBoolean(10)))
			.list();
	}

}
