package com.trellis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.trellis.scoring.ScoringBacktest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back-test, not a test (runs only with {@code mvn -P backtest verify}): the learned
 * scores, the default rubric and the two baselines (pipeline and revenue to date) against
 * the partner-involved pipeline each partner created in the 180 days after each of the
 * last {@code -Dtrellis.backtest.score-cutoffs=8} half-month cut-offs whose 180 days are
 * over, with paired bootstrap intervals of the differences. {@code
 * -Dtrellis.backtest.size=backtest} runs it on a demo five times the default (1,500
 * partners). Prints a table and writes it to {@code target/backtest-scoring.txt}.
 */
@Tag("backtest")
@SpringBootTest
class ScoringDemoBacktest {

	private static final String SIZE = System.getProperty("trellis.backtest.size", "default");

	@DynamicPropertySource
	static void backtestDatabase(DynamicPropertyRegistry registry) {
		registry.add("trellis.embedded-db.data-dir", () -> "data/backtest-" + SIZE);
		registry.add("trellis.embedded-db.ephemeral", () -> "false");
		registry.add("trellis.demo.enabled", () -> "true");
		registry.add("trellis.demo.size", () -> SIZE);
		if ("backtest".equals(SIZE)) {
			// Five times the default demo, in the same proportions: enough partners per
			// cut-off that a difference between two rankings can be told from noise.
			registry.add("trellis.demo.partners", () -> "1500");
			registry.add("trellis.demo.reps", () -> "200");
			registry.add("trellis.demo.teams", () -> "30");
			registry.add("trellis.demo.accounts", () -> "15000");
			registry.add("trellis.demo.opportunities", () -> "40000");
			registry.add("trellis.demo.events", () -> "500000");
		}
		registry.add("trellis.notify.dispatch-interval", () -> "24h");
		registry.add("trellis.registration.expiry-cron", () -> "-");
		registry.add("trellis.forecast.snapshot-cron", () -> "-");
		registry.add("trellis.scoring.daily-cron", () -> "-");
		// the tiers' start-up run would score every partner first (minutes at 1,500
		// partners): the back-test does not need it
		registry.add("trellis.tiers.daily-cron", () -> "-");
	}

	@Autowired
	ScoringBacktest backtest;

	@Autowired
	Clock clock;

	@Test
	void learnedScoresAgainstTheRubricAndTheBaselines() throws Exception {
		var today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		var result = this.backtest.run(today, Integer.getInteger("trellis.backtest.score-cutoffs", 8));
		System.out.println();
		System.out.println("Score back-test on the " + SIZE + " demo, as of " + today);
		System.out.println(result.table());
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/backtest-scoring.txt"), result.table());
		assertThat(result.rows()).isNotEmpty();
	}

}
