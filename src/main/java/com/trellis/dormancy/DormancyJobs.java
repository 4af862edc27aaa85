package com.trellis.dormancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily dormancy pass.
 */
@Component
class DormancyJobs {

	private static final Logger log = LoggerFactory.getLogger(DormancyJobs.class);

	private final Dormancy dormancy;

	DormancyJobs(Dormancy dormancy) {
		this.dormancy = dormancy;
	}

	@Scheduled(cron = "${trellis.dormancy.cron:0 0 6 * * *}", zone = "${trellis.business.time-zone:UTC}")
	void daily() {
		int moved = this.dormancy.daily();
		if (moved > 0) {
			log.info("Dormancy: {} partners moved", moved);
		}
	}

}
