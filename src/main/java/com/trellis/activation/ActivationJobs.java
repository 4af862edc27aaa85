package com.trellis.activation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the daily activation pass at start-up and every morning.
 */
@Component
class ActivationJobs {

	private static final Logger log = LoggerFactory.getLogger(ActivationJobs.class);

	private final ActivationProgress progress;

	ActivationJobs(ActivationProgress progress) {
		this.progress = progress;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${trellis.activation.cron:0 30 6 * * *}", zone = "${trellis.business.time-zone:UTC}")
	void daily() {
		int nudged = this.progress.daily();
		if (nudged > 0) {
			log.info("Activation: nudged {} overdue milestones", nudged);
		}
	}

}
