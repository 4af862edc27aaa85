package com.trellis.bench;

import java.util.HashMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings a benchmark registers are the ones its application runs with: the registry
 * keeps the last value added for a name (as Spring's does), and the hygiene benchmark's
 * job refresh is not replaced by the shared settings' 24 hours (it was, and the job never
 * started in three benchmark runs).
 */
class BenchSettingsTest {

	@Test
	void theHygieneBenchmarkRunsItsJobOnItsOwnScheduleNotTheSharedOnesDay() {
		var registered = new HashMap<String, Supplier<Object>>();
		HygieneBenchmark.benchmarkDatabase(registered::put);

		assertThat(registered.get("trellis.hygiene.duplicates-refresh").get()).isEqualTo(HygieneBenchmark.JOB_REFRESH);
		assertThat(registered.get("trellis.guidance.daily-cron").get()).isEqualTo("-");
	}

}
