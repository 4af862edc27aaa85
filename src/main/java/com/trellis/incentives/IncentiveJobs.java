package com.trellis.incentives;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the previous quarter every morning; the ledger's unique keys make the repeats
 * no-ops.
 */
@Component
class IncentiveJobs {

	private final Incentives incentives;

	private final Clock clock;

	IncentiveJobs(Incentives incentives, Clock clock) {
		this.incentives = incentives;
		this.clock = clock;
	}

	@Scheduled(cron = "${trellis.incentives.cron:0 15 6 * * *}")
	void closePreviousQuarter() {
		this.incentives.closeQuarter(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusMonths(3));
	}

}
