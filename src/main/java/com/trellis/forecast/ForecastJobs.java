package com.trellis.forecast;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the weekly forecast snapshot every morning (business time zone) and at start-up:
 * the first run in each week of the fiscal quarter takes the week's snapshot, later runs
 * in the same week find it taken. Quarter weeks start on the quarter's first day,
 * whatever its weekday, so a daily run also covers a week the application was down on its
 * first day.
 */
@Component
class ForecastJobs {

	private final Forecasts forecasts;

	private final boolean scheduled;

	ForecastJobs(Forecasts forecasts, @Value("${trellis.forecast.snapshot-cron:0 0 5 * * *}") String cron) {
		this.forecasts = forecasts;
		this.scheduled = !"-".equals(cron.strip());
	}

	@Scheduled(cron = "${trellis.forecast.snapshot-cron:0 0 5 * * *}", zone = "${trellis.business.time-zone:UTC}")
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
