package com.trellis.tiers;

import com.trellis.scoring.PartnerScores;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Evaluates tiers every morning after the scores, and at start-up (after making sure
 * today's scores exist, which is a no-op when the scoring job ran already), so a freshly
 * loaded demo gets its tier history at once.
 */
@Component
class TierJobs {

	private final PartnerTiers tiers;

	private final PartnerScores scores;

	private final boolean scheduled;

	TierJobs(PartnerTiers tiers, PartnerScores scores, @Value("${trellis.tiers.daily-cron:0 10 6 * * *}") String cron) {
		this.tiers = tiers;
		this.scores = scores;
		this.scheduled = !"-".equals(cron.strip());
	}

	@Scheduled(cron = "${trellis.tiers.daily-cron:0 10 6 * * *}", zone = "${trellis.business.time-zone:UTC}")
	void daily() {
		this.scores.runDaily();
		this.tiers.evaluate();
	}

	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		if (this.scheduled) {
			daily();
		}
	}

}
