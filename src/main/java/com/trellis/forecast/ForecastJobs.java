package com.trellis.forecast;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes the weekly forecast snapshots on Monday mornings; the snapshot key makes repeats
 * no-ops.
 */
@Component
class ForecastJobs {

	private final Forecasts forecasts;

	ForecastJobs(Forecasts forecasts) {
		this.forecasts = forecasts;
	}

	@Scheduled(cron = "${trellis.forecast.snapshot-cron:0 0 5 * * MON}")
	void snapshot() {
		this.forecasts.takeWeeklySnapshots();
	}

}
