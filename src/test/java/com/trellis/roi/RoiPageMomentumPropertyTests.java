package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed) for the ROI page's statement ({@link RoiPageSql#PAGE}): on
 * a generated world of partners in every tier and lifecycle status, with tier changes,
 * program spend and payouts in several currencies, and weekly behaviour scores with gaps,
 * unknown weeks, weeks off the usual weekday and partners never scored, the page (totals
 * per tier and cohort, the listed partners, the reinvest list with each momentum; 200/20
 * and 3/2) equals the statement it replaced ({@link RoiPageSqlKept}: two score lookups
 * per partner), every figure and scale, for every quarter from three before the current
 * one, the program, a PAM's book and one partner; in the configured business zone and
 * fiscal quarters, and again in {@code Pacific/Auckland} with fiscal quarters from
 * February (the kept quarter sums rebuilt for them); and, as on the large data, with no
 * behaviour score stored by the day asked (every momentum null: the reinvest list is the
 * first partners outside tier 1 by id).
 */
@TrellisTest
class RoiPageMomentumPropertyTests {

	private static final long SEED = 20261221L;

	private static final List<String> TIERS = List.of("TIER_1_INVEST", "TIER_2_EMERGING", "TIER_3_BASELINE");

	private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "CHF");

	@Autowired
	RoiPageRepository pages;

	@Autowired
	RoiQuarterFacts quarterFacts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePageEqualsTheStatementThatLookedUpTwoScoresPerPartner() {
		var random = new Random(SEED);
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Roi Page Momentum " + SEED);
		var partners = new ArrayList<>(List.of(world.partnerId()));
		for (int i = 1; i < 30; i++) {
			partners.add(this.fixtures.partner("Roi Page Momentum " + SEED + " " + i, world.pam().userId()));
		}
		var today = this.calendar.today();
		for (long partner : partners) {
			this.jdbc.sql("UPDATE partner SET tier = :tier, lifecycle_status = :status WHERE id = :id")
				.param("tier", TIERS.get(random.nextInt(TIERS.size())))
				.param("status",
						List.of("ACTIVE", "ACTIVE", "ONBOARDING", "DORMANT", "SUNSET", "PROSPECT")
							.get(random.nextInt(6)))
				.param("id", partner)
				.update();
			if (random.nextInt(4) == 0) {
				this.jdbc.sql("""
						INSERT INTO tier_change (partner_id, from_tier, to_tier, effective_on, kind, reason, changed_by,
						                         changed_at)
						VALUES (:partner, :from, :to, :on, 'MANUAL', 'Roi page momentum', :by, :at)
						""")
					.param("partner", partner)
					.param("from", TIERS.get(random.nextInt(3)))
					.param("to", TIERS.get(random.nextInt(3)))
					.param("on", Date.valueOf(today.minusDays(random.nextInt(400) - 30)))
					.param("by", admin.userId())
					.param("at", Timestamp.from(this.clock.instant()))
					.update();
			}
			for (int i = random.nextInt(4); i > 0; i--) {
				spend(random, partner, today.minusDays(random.nextInt(380)), admin.userId());
			}
			if (random.nextInt(3) == 0) {
				payout(random, partner, this.clock.instant().minusSeconds(random.nextInt(300 * 86_400)));
			}
			scores(random, partner, today);
		}
		var scopes = List.of(new RoiScope(null, null, null), new RoiScope(null, world.pam().userId(), null),
				new RoiScope(partners.get(1), null, null));
		try {
			assertPageAsBefore(this.calendar.zone(), this.calendar.fiscalYearStart(), scopes, "configured");
			this.jdbc.sql("UPDATE roi_quarter_setting SET zone = 'Pacific/Auckland', first_month = 2").update();
			this.jdbc.sql("SELECT roi_partner_quarter_fact_rebuild()").query().singleRow();
			assertPageAsBefore(ZoneId.of("Pacific/Auckland"), Month.FEBRUARY, scopes, "Auckland, from February");
		}
		finally {
			// as at a start whose configuration differs from the set one
			this.quarterFacts.afterSingletonsInstantiated();
			this.jdbc.sql("DELETE FROM partner_score_week WHERE partner_id = ANY (:ids)")
				.param("ids", partners.toArray(Long[]::new))
				.update();
		}
	}

	/**
	 * Weekly behaviour scores (and other pillars') over the last 40 weeks: none at all
	 * for some partners, with weeks left out, unknown weeks (no score), and weeks a day
	 * off the usual weekday; scores in steps of five so that momenta tie.
	 */
	private void scores(Random random, long partner, LocalDate today) {
		int kind = random.nextInt(5);
		if (kind == 0) {
			return;
		}
		var monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		for (int week = 40; week >= 0; week--) {
			if (random.nextInt(kind == 1 ? 2 : 5) == 0) {
				continue;
			}
			var start = monday.minusWeeks(week).plusDays(random.nextInt(12) == 0 ? 1 : 0);
			for (var pillar : List.of("BEHAVIOUR", "READINESS")) {
				BigDecimal score = random.nextInt(6) == 0 ? null : new BigDecimal(5 * random.nextInt(21));
				this.jdbc.sql("""
						INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score,
						                                unknown_reason, computed_at)
						VALUES (:partner, :week, 'FY-W', :week, :pillar, :score, :reason, :at)
						ON CONFLICT DO NOTHING
						""")
					.param("partner", partner)
					.param("week", Date.valueOf(start))
					.param("pillar", pillar)
					.param("score", score)
					.param("reason", score == null ? "not enough data" : null)
					.param("at", Timestamp.from(this.clock.instant()))
					.update();
			}
		}
	}

	private void spend(Random random, long partner, LocalDate day, long by) {
		this.jdbc
			.sql("""
					INSERT INTO roi_program_spend (partner_id, spent_on, amount, currency, purpose, recorded_by, recorded_at)
					VALUES (:partner, :day, :amount, :currency, 'Roi page momentum', :by, :at)
					""")
			.param("partner", partner)
			.param("day", Date.valueOf(day))
			.param("amount", new BigDecimal(1 + random.nextInt(500_000)).movePointLeft(2))
			.param("currency", CURRENCIES.get(random.nextInt(CURRENCIES.size())))
			.param("by", by)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	private void payout(Random random, long partner, Instant paid) {
		var at = Timestamp.from(paid);
		var currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
		var amount = new BigDecimal(1 + random.nextInt(100_000)).movePointLeft(2);
		var kind = random.nextBoolean() ? "MDF_REIMBURSEMENT" : "SPIFF";
		PaidEarningRows.insert(this.jdbc, "Roi page momentum", "roi-page-momentum", partner, kind, amount, amount,
				currency, at);
	}

	/**
	 * For every quarter from three before the current one (in the given zone and fiscal
	 * year), each scope and both page sizes: the page equals the old statement's, and the
	 * program's reinvest list has partners with a momentum (the comparison covers the
	 * lookups).
	 */
	private void assertPageAsBefore(ZoneId zone, Month fiscalYearStart, List<RoiScope> scopes, String when) {
		var now = this.clock.instant();
		var today = LocalDate.ofInstant(now, zone);
		var current = FiscalQuarter.containing(today, fiscalYearStart);
		var quarter = current.previous().previous().previous();
		int withMomentum = 0;
		for (; !quarter.equals(current.next()); quarter = quarter.next()) {
			var start = quarter.start().atStartOfDay(zone).toInstant();
			var end = quarter.end().atStartOfDay(zone).toInstant();
			var lastDay = quarter.end().isAfter(today) ? today : quarter.end().minusDays(1);
			var until = end.isAfter(now) ? now : end;
			for (var scope : scopes) {
				var window = new RoiPageRepository.Window(scope, quarter, start, end, lastDay, until);
				for (int[] sizes : new int[][] { { Roi.LISTED, Roi.REINVESTED }, { 3, 2 } }) {
					var page = this.pages.page(window, until, lastDay, sizes[0], sizes[1]);
					assertThat(page)
						.as("page " + quarter.label() + " " + scope + " " + sizes[0] + "/" + sizes[1] + " " + when)
						.isEqualTo(this.pages.page(RoiPageSqlKept.PAGE, window, until, lastDay, sizes[0], sizes[1]));
					withMomentum += (int) page.reinvest().stream().filter(c -> c.momentum() != null).count();
					// no behaviour score stored by the day (as on the large data): no
					// momentum
					var longBefore = lastDay.minusYears(10);
					assertThat(this.pages.page(window, until, longBefore, sizes[0], sizes[1]))
						.as("page without scores " + quarter.label() + " " + scope + " " + sizes[0] + "/" + sizes[1]
								+ " " + when)
						.isEqualTo(this.pages.page(RoiPageSqlKept.PAGE, window, until, longBefore, sizes[0], sizes[1]));
				}
			}
		}
		assertThat(withMomentum).as("reinvest candidates with a momentum " + when).isPositive();
	}

}
