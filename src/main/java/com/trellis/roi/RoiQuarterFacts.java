package com.trellis.roi;

import com.trellis.shared.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the kept quarter sums per partner ({@code roi_partner_quarter_fact}, V150) in the
 * configured fiscal quarters: at start, before the application serves anything, writes
 * the month the fiscal quarters start in (1 to 3: the fiscal year's first month, taken
 * modulo three) to {@code roi_quarter_setting} and, when it changed, rebuilds the fact
 * from the month facts in the same transaction. The upgrade built it for January.
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
		this.transactions.executeWithoutResult(status -> {
			int changed = this.jdbc
				.sql("UPDATE roi_quarter_setting SET first_month = :month WHERE first_month <> :month")
				.param("month", month)
				.update();
			if (changed > 0) {
				long started = System.nanoTime();
				this.jdbc.sql("SELECT roi_partner_quarter_fact_rebuild()").query().singleRow();
				log.info("ROI quarter facts rebuilt for quarters starting in month {} (mod 3) in {} ms", month,
						(System.nanoTime() - started) / 1_000_000);
			}
		});
	}

}
