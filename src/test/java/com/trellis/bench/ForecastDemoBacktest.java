package com.trellis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.trellis.forecast.ForecastBacktest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back-test, not a test (runs only with {@code mvn -P backtest verify}): the learned
 * forecast against the static-probability baseline on the demo history, for the last
 * {@code -Dtrellis.backtest.quarters=4} complete quarters at weeks 1, 5 and 9. Loads the
 * demo of {@code -Dtrellis.backtest.size=default} into {@code data/backtest-<size>} on
 * the first run. Prints a table and writes it to {@code target/backtest-forecast.txt}.
 */
@Tag("backtest")
@SpringBootTest
class ForecastDemoBacktest {

	private static final String SIZE = System.getProperty("trellis.backtest.size", "default");

	@DynamicPropertySource
	static void backtestDatabase(DynamicPropertyRegistry registry) {
		registry.add("trellis.embedded-db.data-dir", () -> "data/backtest-" + SIZE);
		registry.add("trellis.embedded-db.ephemeral", () -> "false");
		registry.add("trellis.demo.enabled", () -> "true");
		registry.add("trellis.demo.size", () -> SIZE);
		registry.add("trellis.notify.dispatch-interval", () -> "24h");
		registry.add("trellis.registration.expiry-cron", () -> "-");
		registry.add("trellis.forecast.snapshot-cron", () -> "-");
	}

	@Autowired
	ForecastBacktest backtest;

	@Autowired
	Clock clock;

	@Test
	void learnedForecastAgainstTheStaticBaseline() throws Exception {
		var today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		var result = this.backtest.run(today, Integer.getInteger("trellis.backtest.quarters", 4));
		var table = result.table();
		System.out.println();
		System.out.println("Forecast back-test on the " + SIZE + " demo, as of " + today);
		System.out.println(table);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/backtest-forecast.txt"), table);
		assertThat(result.rows()).isNotEmpty();
	}

}
