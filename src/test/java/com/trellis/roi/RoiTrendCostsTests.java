package com.trellis.roi;

import java.time.Clock;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trend's quarters are read without their closes and tiers (issue 15): each total is
 * the one the full quarter figures give, and each partner's costs, pipeline and revenue
 * are the same, on the demo data, for the program, a PAM's book and a partner user.
 */
@TrellisTest
class RoiTrendCostsTests {

	@Autowired
	Roi roi;

	@Autowired
	RoiRepository repository;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Clock clock;

	@Autowired
	Fixtures fixtures;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aTrendQuarterReadWithoutItsClosesTotalsAsItsFullFigures() {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Roi Trend Costs");
		var revenueSeen = false;
		for (var viewer : java.util.List.of(admin, world.pam(), world.partnerUser())) {
			var report = this.roi.report(viewer, null, null);
			var scope = RoiScope.of(viewer, null);
			var quarter = this.calendar.currentQuarter();
			for (int back = 0; back < Roi.TREND_QUARTERS; back++) {
				var full = figures(scope, quarter, true);
				var costs = figures(scope, quarter, false);
				assertThat(costs).hasSameSizeAs(full);
				for (int i = 0; i < full.size(); i++) {
					var a = full.get(i);
					var b = costs.get(i);
					assertThat(b.partnerId()).isEqualTo(a.partnerId());
					assertThat(b.hours()).isEqualTo(a.hours());
					assertThat(b.cost()).isEqualTo(a.cost());
					assertThat(b.pipeline()).isEqualTo(a.pipeline());
					assertThat(b.revenue()).isEqualTo(a.revenue());
				}
				var total = RoiReport.Total.of(quarter.label(), full);
				assertThat(RoiReport.Total.of(quarter.label(), costs)).isEqualTo(total);
				assertThat(report.trend().get(Roi.TREND_QUARTERS - 1 - back)).isEqualTo(total);
				revenueSeen |= total.revenue().signum() > 0 && viewer == admin;
				quarter = quarter.previous();
			}
		}
		assertThat(revenueSeen).as("the demo program has revenue in the trend").isTrue();
	}

	/**
	 * The report's tiers, read from the tier history in one pass, are each partner's
	 * {@code partner_tier_on} the quarter's last day: a partner changed before it, one
	 * changed only after it (its first former tier) and the rest (their tier now).
	 */
	@Test
	void eachPartnersTierIsItsTierOnTheQuartersLastDay() {
		var before = this.fixtures.world("Roi Tier Before");
		var after = this.fixtures.world("Roi Tier After");
		var today = this.calendar.today();
		var previous = this.calendar.currentQuarter().previous();
		var lastDay = previous.end().minusDays(1);
		change(before.partnerId(), "TIER_3_BASELINE", "TIER_2_EMERGING", lastDay.minusDays(3));
		change(before.partnerId(), "TIER_2_EMERGING", "TIER_1_INVEST", today.plusDays(1));
		change(after.partnerId(), "TIER_2_EMERGING", "TIER_3_BASELINE", today.plusDays(2));
		var admin = this.fixtures.user(Role.ADMIN);
		var scope = RoiScope.of(admin, null);
		for (var quarter : java.util.List.of(this.calendar.currentQuarter(), previous)) {
			var rows = figures(scope, quarter, true);
			var day = quarter.end().isAfter(today) ? today : quarter.end().minusDays(1);
			var expected = new java.util.HashMap<Long, String>();
			this.jdbc.sql("SELECT id, coalesce(partner_tier_on(id, :day), tier) FROM partner")
				.param("day", java.sql.Date.valueOf(day))
				.query((rs, n) -> expected.put(rs.getLong(1), rs.getString(2)))
				.list();
			assertThat(rows).hasSize(expected.size());
			rows.forEach(row -> assertThat(row.tier()).as("partner %d", row.partnerId())
				.isEqualTo(expected.get(row.partnerId())));
			var tiers = rows.stream()
				.filter(r -> r.partnerId() == before.partnerId() || r.partnerId() == after.partnerId())
				.map(PartnerQuarter.Row::tier)
				.toList();
			assertThat(tiers).containsExactly("TIER_2_EMERGING", "TIER_2_EMERGING");
		}
	}

	private void change(long partner, String from, String to, java.time.LocalDate effective) {
		this.jdbc.sql("""
				INSERT INTO tier_change (partner_id, from_tier, to_tier, effective_on, kind, reason, changed_at)
				VALUES (:partner, :from, :to, :day, 'MANUAL', 'test', now())
				""")
			.param("partner", partner)
			.param("from", from)
			.param("to", to)
			.param("day", java.sql.Date.valueOf(effective))
			.update();
	}

	private java.util.List<PartnerQuarter.Row> figures(RoiScope scope, com.trellis.shared.FiscalQuarter quarter,
			boolean lift) {
		var end = this.calendar.end(quarter);
		var now = this.clock.instant();
		var today = this.calendar.today();
		var lastDay = quarter.end().isAfter(today) ? today : quarter.end().minusDays(1);
		return this.repository.figures(scope, quarter, this.calendar.start(quarter), end, lastDay,
				end.isAfter(now) ? now : end, lift);
	}

}
