package com.trellis.cohorts;

import com.trellis.scoring.PartnerScores;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Places every partner on the journey each morning (after the scores), and at start-up
 * makes the first rule split when there are no cohorts yet, so a fresh demo shows its
 * cohorts at once. The split reads the readiness scores, so start-up first lets the
 * scoring module score the day (once per day across instances; nothing when it already
 * did, or when scoring is switched off). After the placement it stores the Cohorts page's
 * figures ({@link CohortFigures}): once a business day, and again after a first split or
 * first journey history.
 */
@Component
class CohortJobs {

	private final CohortRuns runs;

	private final PartnerScores scores;

	private final CohortFigures figures;

	private final boolean scheduled;

	private final boolean scoring;

	CohortJobs(CohortRuns runs, PartnerScores scores, CohortFigures figures,
			@Value("${trellis.cohorts.daily-cron:0 50 5 * * *}") String cron,
			@Value("${trellis.scoring.daily-cron:0 40 5 * * *}") String scoringCron) {
		this.runs = runs;
		this.scores = scores;
		this.figures = figures;
		this.scheduled = !"-".equals(cron.strip());
		this.scoring = !"-".equals(scoringCron.strip());
	}

	@Scheduled(cron = "${trellis.cohorts.daily-cron:0 50 5 * * *}", zone = "${trellis.business.time-zone:UTC}")
	void daily() {
		store(this.runs.placeWeek());
	}

	@EventListener(ApplicationReadyEvent.class)
	void startUp() {
		if (!this.scheduled) {
			return;
		}
		if (this.scoring) {
			this.scores.runDaily();
		}
		boolean split = this.runs.firstSplit();
		store(this.runs.placeWeek() || split);
	}

	/**
	 * Stores the page's figures once a business day, or again when the program's first
	 * cohorts or journey history were just made: figures stored earlier that day (by the
	 * morning's run, before a first start's split) would show none of them until the next
	 * day.
	 */
	private void store(boolean first) {
		if (first) {
			this.figures.storeAgain();
		}
		else {
			this.figures.storeDaily();
		}
	}

}
