package com.trellis.forecast;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes the weekly forecast snapshots on Monday mornings, and at start-up so that a week
 * the application was down for on Monday still gets its snapshot; the snapshot key makes
 * repeats no-ops.
 */
@Component
class ForecastJobs {

	private final Forecasts forecasts;

	private final boolean scheduled;

	ForecastJobs(Forecasts forecasts, @Value("${trellis.forecast.snapshot-cron:0 0 5 * * MON}") String cron) {
		this.forecasts = forecasts;
		this.scheduled = !"-".equals(cron.strip());
	}

	@Scheduled(cron = "${trellis.forecast.snapshot-cron:0 0 5 * * MON}", zone = "${trellis.business.time-zone:UTC}")
	void snapshot() {
		this.forecasts.takeWeeklySnapshots();
	}

	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		if (this.scheduled) {
			this.forecasts.takeWeeklySnapshots();
		}
	}

}
