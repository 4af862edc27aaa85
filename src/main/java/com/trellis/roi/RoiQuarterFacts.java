package com.trellis.roi;

import com.trellis.shared.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the ROI's kept quarter facts in the configured fiscal quarters and business zone:
 * at start, before the application serves anything, writes the month the fiscal quarters
 * start in (1 to 3: the fiscal year's first month, taken modulo three) and the business
 * zone to {@code roi_quarter_setting}; when the month changed, rebuilds the quarter sums
 * per partner ({@code roi_partner_quarter_fact}, V150: from the month facts), and when
 * either changed, the invitations per quarter, partner and rep ({@code roi_invite_fact},
 * V157: the moments' quarters depend on both), in the same transaction. The upgrades
 * built them for January and the deal facts' zone.
 */
@Component
class RoiQuarterFacts implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(RoiQuarterFacts.class);

	private final JdbcClient jdbc;

	private final BusinessCalendar calendar;

	private final TransactionTemplate transactions;

	RoiQuarterFacts(JdbcClient jdbc, BusinessCalendar calendar, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.transactions = transactions;
	}

	/** The month (1 to 3) whose quarters are the fiscal ones, for a fiscal year start. */
	static int firstMonth(java.time.Month fiscalYearStart) {
		return (fiscalYearStart.getValue() - 1) % 3 + 1;
	}

	@Override
	public void afterSingletonsInstantiated() {
		int month = firstMonth(this.calendar.fiscalYearStart());
		String zone = this.calendar.zone().getId();
		this.transactions.executeWithoutResult(status -> {
			var before = this.jdbc.sql("SELECT first_month, zone FROM roi_quarter_setting FOR UPDATE")
				.query((rs, n) -> new Object[] { rs.getInt(1), rs.getString(2) })
				.single();
			boolean quarters = (int) before[0] != month;
			if (!quarters && zone.equals(before[1])) {
				return;
			}
			this.jdbc.sql("UPDATE roi_quarter_setting SET first_month = :month, zone = :zone")
				.param("month", month)
				.param("zone", zone)
				.update();
			long started = System.nanoTime();
			if (quarters) {
				this.jdbc.sql("SELECT roi_partner_quarter_fact_rebuild()").query().singleRow();
			}
			this.jdbc.sql("SELECT roi_invite_fact_rebuild()").query().singleRow();
			log.info("ROI quarter facts rebuilt for quarters starting in month {} (mod 3) in {} in {} ms", month, zone,
					(System.nanoTime() - started) / 1_000_000);
		});
	}

}
