package com.trellis.guidance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.trellis.support.Fixtures;
import com.trellis.support.GuidanceRunTest;
import com.trellis.support.OwnGuidanceWeeks;
import com.trellis.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The weekly digest goes out in batches of people
 * ({@code trellis.guidance.digest-batch-size}, 4 in these tests), each committed on its
 * own: a run cut off part-way (a real failure of the database, raised by a trigger on one
 * person's inbox entry) keeps the batches before it, and the next run, also two of them
 * at once, sends everyone else's digest, nobody's twice, and only then records the week.
 */
@GuidanceRunTest
class GuidanceDigestBatchTests {

	@Autowired
	Guidance guidance;

	@Autowired
	GuidanceDigests digests;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Value("${trellis.guidance.digest-batch-size}")
	int batchSize;

	@RegisterExtension
	final OwnGuidanceWeeks weeks = new OwnGuidanceWeeks();

	@Test
	void aRunCutOffPartWayKeepsTheBatchesBeforeAndTheNextRunSendsEveryoneElsesDigestOnce() {
		var monday = cutOffInTheSecondBatch("Digest Cut Off");
		var first = this.cut.firstBatch();
		var ids = digestIds(monday);
		assertThat(ids.keySet()).as("the first batch's digests survive the failure of the second")
			.containsExactlyInAnyOrderElementsOf(first);
		assertThat(peopleListedOn(monday)).as("recommendations marked digested with the batch that listed them")
			.containsExactlyInAnyOrderElementsOf(first);
		assertThat(weekRecorded(monday)).as("no week recorded before its last batch").isFalse();

		assertThat(this.digests.runWeekly()).isTrue();

		assertOnceEach(monday);
		assertThat(digestIds(monday)).as("the first batch's digests are those of the cut-off run")
			.containsAllEntriesOf(ids);
		assertThat(this.digests.runWeekly()).as("a run after the week is recorded").isFalse();
	}

	@Test
	void twoInstancesGoingOnWithACutOffRunAtOnceSendEachRemainingPersonOneDigest() throws Exception {
		var monday = cutOffInTheSecondBatch("Digest Cut Off Twice");
		var start = new CyclicBarrier(2);
		Callable<Boolean> run = () -> {
			start.await();
			return this.digests.runWeekly();
		};
		var pool = Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(run);
			var b = pool.submit(run);
			assertThat(List.of(a.get(), b.get())).as("the run that recorded the week")
				.containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdown();
		}
		assertOnceEach(monday);
	}

	@Test
	void aBatchSizeBelowOneIsRefusedNamingTheSetting() {
		assertThatThrownBy(() -> new GuidanceDigests(this.guidance, null, null, null, null, this.clock, null,
				"https://trellis.example.test", 0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("trellis.guidance.digest-batch-size must be 1 or more, was 0");
	}

	/** The people waiting this week, in id order, with the enabled ones among them. */
	private record Cut(List<Long> waiting, List<Long> enabled, int batchSize) {

		List<Long> firstBatch() {
			return this.enabled.stream().filter(this.waiting.subList(0, this.batchSize)::contains).toList();
		}
	}

	private Cut cut;

	/**
	 * Raises this week's recommendations for several people of their own, then runs the
	 * digest with the inbox entry of the second batch's third person failing: the run
	 * throws after its first batch committed and the second's first two digests were
	 * written. No recommendation counts as listed by an earlier test's digest, so each
	 * digest marks what it lists as digested on the day.
	 */
	private LocalDate cutOffInTheSecondBatch(String name) {
		for (int i = 0; i < 3; i++) {
			this.fixtures.world(name + " " + i);
		}
		this.jdbc.sql("UPDATE guidance_recommendation SET digested_on = NULL WHERE digested_on IS NOT NULL").update();
		var monday = this.weeks.monday(8);
		this.guidance.runDaily();
		var waiting = this.jdbc.sql("""
				SELECT DISTINCT user_id FROM guidance_recommendation
				WHERE last_seen_on = (SELECT max(day) FROM guidance_run)
				  AND (state = 'OPEN' OR (state = 'SNOOZED' AND snoozed_until <= :today))
				ORDER BY user_id
				""").param("today", monday).query(Long.class).list();
		var enabled = this.jdbc.sql("SELECT id FROM app_user WHERE enabled AND id = ANY (CAST(:ids AS BIGINT[]))")
			.param("ids", waiting.toArray(Long[]::new))
			.query(Long.class)
			.list();
		this.cut = new Cut(waiting, enabled, this.batchSize);
		assertThat(waiting).as("people for three batches").hasSizeGreaterThan(2 * this.batchSize);
		var second = waiting.subList(this.batchSize, 2 * this.batchSize);
		assertThat(enabled).as("the second batch's people get digests").containsAll(second);
		var failing = second.get(2);
		this.jdbc.sql("""
				CREATE FUNCTION test_digest_cut_off() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  IF NEW.kind = 'GUIDANCE_DIGEST' AND NEW.user_id = %d THEN
				    RAISE EXCEPTION 'digest run cut off at user %%', NEW.user_id;
				  END IF;
				  RETURN NEW;
				END $$""".formatted(failing)).update();
		try {
			this.jdbc.sql("""
					CREATE TRIGGER test_digest_cut_off BEFORE INSERT ON notification
					FOR EACH ROW EXECUTE FUNCTION test_digest_cut_off()""").update();
			assertThatThrownBy(this.digests::runWeekly).hasMessageContaining("digest run cut off at user " + failing);
		}
		finally {
			this.jdbc.sql("DROP TRIGGER IF EXISTS test_digest_cut_off ON notification").update();
			this.jdbc.sql("DROP FUNCTION IF EXISTS test_digest_cut_off()").update();
		}
		return monday;
	}

	/**
	 * Every enabled waiting person has exactly one digest of the week, the week is
	 * recorded with that many people, each of them had what their digest listed marked,
	 * and the week's per-person progress is gone.
	 */
	private void assertOnceEach(LocalDate monday) {
		var perPerson = this.jdbc.sql("""
				SELECT user_id FROM notification WHERE notice_key LIKE :key GROUP BY user_id HAVING count(*) > 1
				""").param("key", "guidance-digest:" + monday + ":%").query(Long.class).list();
		assertThat(perPerson).as("people with two digests of the week").isEmpty();
		assertThat(this.jdbc.sql("""
				SELECT n.user_id FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
				WHERE n.notice_key LIKE :key GROUP BY n.user_id, d.channel HAVING count(*) > 1
				""").param("key", "guidance-digest:" + monday + ":%").query(Long.class).list())
			.as("people with a digest of the week delivered twice on a channel")
			.isEmpty();
		assertThat(digestIds(monday).keySet()).as("everyone waiting has the week's digest")
			.containsExactlyInAnyOrderElementsOf(this.cut.enabled());
		assertThat(this.jdbc.sql("SELECT people FROM guidance_digest_run WHERE week_start = :week")
			.param("week", monday)
			.query(Integer.class)
			.single()).isEqualTo(this.cut.enabled().size());
		assertThat(peopleListedOn(monday)).containsExactlyInAnyOrderElementsOf(this.cut.enabled());
		assertThat(this.jdbc.sql("SELECT count(*) FROM guidance_digest_person WHERE week_start = :week")
			.param("week", monday)
			.query(Long.class)
			.single()).isZero();
	}

	private boolean weekRecorded(LocalDate monday) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM guidance_digest_run WHERE week_start = :week)")
			.param("week", monday)
			.query(Boolean.class)
			.single();
	}

	/** The week's digests: each person's inbox entry id. */
	private Map<Long, Long> digestIds(LocalDate monday) {
		return this.jdbc.sql("SELECT user_id, id FROM notification WHERE notice_key LIKE :key")
			.param("key", "guidance-digest:" + monday + ":%")
			.query((rs, n) -> Map.entry(rs.getLong("user_id"), rs.getLong("id")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** People with a recommendation that a digest first listed on this day. */
	private List<Long> peopleListedOn(LocalDate day) {
		return new ArrayList<>(this.jdbc
			.sql("SELECT DISTINCT user_id FROM guidance_recommendation WHERE digested_on = :day ORDER BY user_id")
			.param("day", day)
			.query(Long.class)
			.list());
	}

}
