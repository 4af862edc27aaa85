package com.trellis.demo;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.trellis.shared.BusinessCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ROI page's inputs (§C18): the cost rates an admin would set (PAM time per managed
 * partner and quarter, one enablement hour) and program spend recorded against partners
 * over the last four quarters. Better partners (hidden quality) are given co-marketing
 * spend more often and in larger amounts; some weak ones get spend too, so the page shows
 * spend that did not pay back beside spend that did.
 */
final class DemoRoi {

	static final int RANDOM_STREAM = 41;

	private static final String[] PURPOSES = { "Co-branded event sponsorship", "Partner summit travel",
			"Joint campaign agency fee", "Demo environment licences", "Regional roadshow stand" };

	private final JdbcClient jdbc;

	private final BusinessCalendar calendar;

	private final Instant now;

	DemoRoi(JdbcClient jdbc, BusinessCalendar calendar, Instant now) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.now = now;
	}

	void write(List<PartnerPlan> partners, long seed) {
		this.jdbc.sql("""
				UPDATE roi_cost_rate SET pam_cost_per_partner = 2500, pam_currency = 'USD', enablement_hour_cost = 120,
				       enablement_currency = 'USD', updated_by = 1, updated_at = :now WHERE id = 1
				""").param("now", Timestamp.from(this.now)).update();
		var today = this.calendar.today();
		var quarter = this.calendar.currentQuarter();
		var first = quarter.previous().previous().previous().start();
		long days = today.toEpochDay() - first.toEpochDay();
		for (var partner : partners) {
			var random = Randoms.of(seed, RANDOM_STREAM, partner.id);
			double q = partner.q;
			int times = random.nextDouble() < 0.25 + 0.6 * q ? (int) Randoms.between(random, 1, 1 + (long) (4 * q)) : 0;
			for (int i = 0; i < times; i++) {
				var day = first.plusDays(Randoms.between(random, 0, Math.max(0, days - 1)));
				long amount = Math.round((800 + 6000 * q * random.nextDouble()) / 50) * 50;
				this.jdbc.sql("""
						INSERT INTO roi_program_spend (partner_id, spent_on, amount, currency, purpose, recorded_by,
						                               recorded_at)
						VALUES (:partner, :day, :amount, 'USD', :purpose, 1, :at)
						""")
					.param("partner", partner.id)
					.param("day", Date.valueOf(day))
					.param("amount", BigDecimal.valueOf(amount))
					.param("purpose", Randoms.pick(random, PURPOSES))
					.param("at", Timestamp.from(this.calendar.startOf(day)))
					.update();
			}
		}
	}

}
