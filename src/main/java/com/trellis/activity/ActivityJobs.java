package com.trellis.activity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link ActivityPartitions#maintain} once Trellis is ready and every night
 * ({@code trellis.activity.partition-cron}, default 00:05 in the business time zone).
 */
@Component
class ActivityJobs {

	private static final Logger log = LoggerFactory.getLogger(ActivityJobs.class);

	private final ActivityPartitions partitions;

	ActivityJobs(ActivityPartitions partitions) {
		this.partitions = partitions;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${trellis.activity.partition-cron:0 5 0 * * *}", zone = "${trellis.business.time-zone:UTC}")
	void maintain() {
		var done = this.partitions.maintain();
		if (done.created() > 0 || !done.dropped().isEmpty()) {
			log.info("Activity events: {} month partitions created, months dropped by retention (events): {}",
					done.created(), done.dropped());
		}
	}

}
