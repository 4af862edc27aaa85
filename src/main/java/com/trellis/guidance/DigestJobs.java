package com.trellis.guidance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the weekly digest by its cron in the business zone
 * ({@code trellis.guidance.digest-cron}, Mondays 07:00 by default, after the day's
 * recommendations; {@code -} switches it off), and on start when this week's was due
 * while no instance ran (after the start-up's own guidance run).
 */
@Component
class DigestJobs {

	private final GuidanceDigests digests;

	private final String cron;

	DigestJobs(GuidanceDigests digests, @Value("${trellis.guidance.digest-cron:0 0 7 * * MON}") String cron) {
		this.digests = digests;
		this.cron = cron.strip();
	}

	@Scheduled(cron = "${trellis.guidance.digest-cron:0 0 7 * * MON}", zone = "${trellis.business.time-zone:UTC}")
	void weekly() {
		this.digests.runWeekly();
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
	void catchUp() {
		if (!"-".equals(this.cron) && this.digests.missed(this.cron)) {
			this.digests.runWeekly();
		}
	}

}
