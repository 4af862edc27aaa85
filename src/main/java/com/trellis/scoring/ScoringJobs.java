package com.trellis.scoring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes the scores every morning, and at start-up so that a day the application was
 * down for (or a freshly loaded demo) gets its scores; the run itself makes sure a day is
 * scored once across instances. After the scores it stores the program's high-potential
 * list the book of scores shows ({@link PartnerIntelligence#storeHighPotential}, once a
 * day across instances).
 */
@Component
class ScoringJobs {

	private final PartnerScores scores;

	private final PartnerIntelligence intelligence;

	private final boolean scheduled;

	ScoringJobs(PartnerScores scores, PartnerIntelligence intelligence,
			@Value("${trellis.scoring.daily-cron:0 40 5 * * *}") String cron) {
		this.scores = scores;
		this.intelligence = intelligence;
		this.scheduled = !"-".equals(cron.strip());
	}

	@Scheduled(cron = "${trellis.scoring.daily-cron:0 40 5 * * *}", zone = "${trellis.business.time-zone:UTC}")
	void daily() {
		this.scores.runDaily();
		this.intelligence.storeHighPotential();
	}

	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		if (this.scheduled) {
			this.scores.runDaily();
			this.intelligence.storeHighPotential();
		}
	}

}
