package com.trellis.incentives;

import com.trellis.shared.BusinessCalendar;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the previous quarter every morning; the ledger's unique keys make the repeats
 * no-ops.
 */
@Component
class IncentiveJobs {

	private final Incentives incentives;

	private final BusinessCalendar calendar;

	IncentiveJobs(Incentives incentives, BusinessCalendar calendar) {
		this.incentives = incentives;
		this.calendar = calendar;
	}

	@Scheduled(cron = "${trellis.incentives.cron:0 15 6 * * *}", zone = "${trellis.business.time-zone:UTC}")
	void closePreviousQuarter() {
		this.incentives.closeQuarter(this.calendar.currentQuarter().previous().start());
	}

}
