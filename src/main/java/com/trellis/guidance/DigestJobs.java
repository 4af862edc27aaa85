package com.trellis.guidance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the weekly digest by its cron in the business zone
 * ({@code trellis.guidance.digest-cron}, Mondays 07:00 by default, after the day's
 * recommendations; {@code -} switches it off), and after each guidance run (start-up's
 * and the daily cron's, {@link GuidanceJobs}) when this week's was due and is not sent
 * yet: a digest never goes out before the day's guidance run, so an instance started
 * after the cron time, or a cron that fired while the day's run was still going, sends
 * the week's digest once that run has raised the recommendations.
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

	/**
	 * Called once the day's guidance run is done (here or on another instance): sends
	 * this week's digest if its cron time has passed and it is not sent yet.
	 */
	void afterGuidanceRun() {
		if (!"-".equals(this.cron) && this.digests.missed(this.cron)) {
			this.digests.runWeekly();
		}
	}

}
