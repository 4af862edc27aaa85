package com.trellis.guidance;

import com.trellis.scoring.PartnerScores;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raises the day's recommendations every morning after the scores, and at start-up so a
 * freshly loaded demo has them: start-up first lets the scoring module score the day
 * (once per day across instances; nothing when it already did or is switched off), as the
 * high-potential and drift rules read those scores. The run itself makes sure a day runs
 * once across instances. After each run (or after finding the day run already) the weekly
 * digest follows when it is due ({@link DigestJobs#afterGuidanceRun}), so the digest is
 * never composed before the day's recommendations: one start-up listener does scores,
 * guidance and digest in that order.
 */
@Component
class GuidanceJobs {

	private final Guidance guidance;

	private final PartnerScores scores;

	private final DigestJobs digests;

	private final boolean scheduled;

	private final boolean scoring;

	GuidanceJobs(Guidance guidance, PartnerScores scores, DigestJobs digests,
			@Value("${trellis.guidance.daily-cron:0 20 6 * * *}") String cron,
			@Value("${trellis.scoring.daily-cron:0 40 5 * * *}") String scoringCron) {
		this.guidance = guidance;
		this.scores = scores;
		this.digests = digests;
		this.scheduled = !"-".equals(cron.strip());
		this.scoring = !"-".equals(scoringCron.strip());
	}

	@Scheduled(cron = "${trellis.guidance.daily-cron:0 20 6 * * *}", zone = "${trellis.business.time-zone:UTC}")
	void daily() {
		this.guidance.runDaily();
		this.digests.afterGuidanceRun();
	}

	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		if (this.scheduled) {
			if (this.scoring) {
				this.scores.runDaily();
			}
			this.guidance.runDaily();
		}
		this.digests.afterGuidanceRun();
	}

}
