package com.trellis.instances;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hygiene job (duplicate accounts, overlapping registrations) on its schedule, with
 * two instances on one database: it starts by itself, and each change or queued
 * recomputation is stored exactly once though both instances run it every second. Each
 * store is counted by a trigger on the state tables.
 */
class HygieneJobInstancesTests {

	static GreenMail smtp;

	static TwoInstances instances;

	@BeforeAll
	static void start() {
		smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		instances = new TwoInstances(smtp.getSmtp().getPort(), "--trellis.hygiene.duplicates-refresh=1s");
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
		Thread.sleep(3_000);
		long seen = jdbc.sql("SELECT count(*) FROM hygiene_store_seen").query(Long.class).single();

		jdbc.sql("INSERT INTO hygiene_duplicate_request (id, requested_at) VALUES (1, now())").update();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (jdbc.sql("SELECT count(*) FROM hygiene_duplicate_request").query(Long.class).single() > 0) {
			assertThat(System.nanoTime()).as("the queued recomputation was made").isLessThan(deadline);
			Thread.sleep(200);
		}
		Thread.sleep(4_000);
		assertThat(jdbc.sql("SELECT stored FROM hygiene_store_seen ORDER BY id OFFSET :seen")
			.param("seen", seen)
			.query(String.class)
			.list()
			.stream()
			.sorted()
			.toList()).as("each stored check once for the one request, though both instances ran every second")
			.containsExactly("hygiene_duplicate_state", "hygiene_overlap_state");
	}

	private static void awaitStored(JdbcClient jdbc, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (jdbc.sql("SELECT count(*) FROM hygiene_overlap_state").query(Long.class).single() == 0
				|| jdbc.sql("SELECT count(*) FROM hygiene_duplicate_state").query(Long.class).single() == 0) {
			assertThat(System.nanoTime()).as(what).isLessThan(deadline);
			Thread.sleep(500);
		}
	}

}
