package com.trellis.instances;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.TaskExecutionOutcome.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hygiene job (duplicate accounts, overlapping registrations) on its schedule, with
 * two instances on one database: it starts by itself, and each change or queued
 * recomputation is stored exactly once though both instances run it every 200 ms. Each
 * store is counted by a trigger on the state tables. The test waits on what it observes,
 * never for a fixed time: before it counts, each instance has finished two runs of the
 * job that started after the moment it counts from ({@link TwoInstances#task}), so every
 * run that could have stored again has ended, however slow the machine.
 */
class HygieneJobInstancesTests {

	/** The job's schedule in both instances (the application's default is a minute). */
	private static final Duration EVERY = Duration.ofMillis(200);

	static GreenMail smtp;

	static TwoInstances instances;

	@BeforeAll
	static void start() {
		smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		instances = new TwoInstances(smtp.getSmtp().getPort(),
				"--trellis.hygiene.duplicates-refresh=" + EVERY.toMillis() + "ms");
	}

	@AfterAll
	static void stop() {
		if (instances != null) {
			instances.close();
		}
		smtp.stop();
	}

	@Test
	void theJobStartsByItselfAndStoresEachQueuedRecomputationOnceWithTwoInstances() throws Exception {
		var jdbc = instances.first.getBean(JdbcClient.class);
		jdbc.sql("""
				CREATE TABLE hygiene_store_seen (id BIGSERIAL PRIMARY KEY, stored TEXT NOT NULL);
				CREATE FUNCTION hygiene_store_seen() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN INSERT INTO hygiene_store_seen (stored) VALUES (TG_TABLE_NAME); RETURN NULL; END $$;
				CREATE TRIGGER seen AFTER INSERT OR UPDATE ON hygiene_duplicate_state
				    FOR EACH ROW EXECUTE FUNCTION hygiene_store_seen();
				CREATE TRIGGER seen AFTER INSERT OR UPDATE ON hygiene_overlap_state
				    FOR EACH ROW EXECUTE FUNCTION hygiene_store_seen();
				""").update();
		awaitStored(jdbc, "the job ran by itself on its schedule");
		awaitTwoRunsOfEachInstanceSince(Instant.now());
		long seen = jdbc.sql("SELECT count(*) FROM hygiene_store_seen").query(Long.class).single();

		jdbc.sql("INSERT INTO hygiene_duplicate_request (id, requested_at) VALUES (1, now())").update();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (jdbc.sql("SELECT count(*) FROM hygiene_duplicate_request").query(Long.class).single() > 0) {
			assertThat(System.nanoTime()).as("the queued recomputation was made").isLessThan(deadline);
			Thread.sleep(50);
		}
		awaitTwoRunsOfEachInstanceSince(Instant.now());
		assertThat(jdbc.sql("SELECT stored FROM hygiene_store_seen ORDER BY id OFFSET :seen")
			.param("seen", seen)
			.query(String.class)
			.list()
			.stream()
			.sorted()
			.toList()).as("each stored check once for the one request, though both instances ran twice since")
			.containsExactly("hygiene_duplicate_state", "hygiene_overlap_state");
	}

	/**
	 * Waits until each instance has finished two runs of the job that started after
	 * {@code since} (runs of one instance never overlap: a run that started later has
	 * seen what every earlier run committed). A run that failed counts as ended: its
	 * transaction stored nothing.
	 */
	private static void awaitTwoRunsOfEachInstanceSince(Instant since) {
		for (var app : List.of(instances.first, instances.second)) {
			var task = TwoInstances.task(app, "DuplicateAccounts.refresh");
			var after = since;
			for (int run = 0; run < 2; run++) {
				var from = after;
				await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
					var outcome = task.getLastExecutionOutcome();
					return (outcome.status() == Status.SUCCESS || outcome.status() == Status.ERROR)
							&& outcome.executionTime().isAfter(from);
				});
				after = task.getLastExecutionOutcome().executionTime();
			}
		}
	}

	private static void awaitStored(JdbcClient jdbc, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (jdbc.sql("SELECT count(*) FROM hygiene_overlap_state").query(Long.class).single() == 0
				|| jdbc.sql("SELECT count(*) FROM hygiene_duplicate_state").query(Long.class).single() == 0) {
			assertThat(System.nanoTime()).as(what).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
