package com.trellis.guidance;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import com.icegreen.greenmail.util.GreenMail;
import com.trellis.identity.Viewer;
import com.trellis.scoring.PartnerScores;
import com.trellis.support.Fixtures;
import com.trellis.support.GuidanceRunTest;
import com.trellis.support.OwnGuidanceWeeks;
import com.trellis.support.TestClock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly digest is composed only after the day's guidance run: asked for before it
 * (an instance's start-up, a cron firing while the run still goes) it records no week,
 * and once the run is done the week's digest goes out, once, also when two instances
 * start at once. Real jobs, the real outbox and a real SMTP server (GreenMail).
 */
@GuidanceRunTest
class GuidanceDigestOrderTests {

	private static final String DIGEST_CRON = "0 0 7 * * MON";

	private static final String DAILY_CRON = "0 20 6 * * *";

	@Autowired
	Guidance guidance;

	@Autowired
	GuidanceDigests digests;

	@Autowired
	PartnerScores scores;

	@Autowired
	Fixtures fixtures;

	@Autowired
	GreenMail mail;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@RegisterExtension
	final OwnGuidanceWeeks weeks = new OwnGuidanceWeeks();

	@AfterEach
	void restore() {
		dispatch();
	}

	@Test
	void aDigestAskedForBeforeTheDaysGuidanceRunRecordsNoWeekAndGoesOutOnceAfterTheRun() {
		var world = this.fixtures.world("Digest Order");
		var monday = this.weeks.monday(8);

		assertThat(this.digests.runWeekly()).as("the digest before the day's guidance run").isFalse();
		assertThat(weekRecorded(monday)).as("no week recorded as sent before its recommendations").isFalse();

		// an instance starting on Monday after the digest's cron time: one start-up,
		// scores (off here), the day's guidance run, then the week's digest
		var digestJobs = new DigestJobs(this.digests, DIGEST_CRON);
		var jobs = new GuidanceJobs(this.guidance, this.scores, digestJobs, DAILY_CRON, "-");
		jobs.catchUp();
		dispatch();

		var mails = digestMails(world.ae(), monday);
		assertThat(mails).as("the AE's digest of the week").hasSize(1);
		assertThat(body(mails.get(0))).contains("Move Fixture deal forward")
			.contains("https://trellis.example.test/opportunities/" + world.dealId());
		assertThat(peopleOf(monday)).isPositive();

		// the cron, the next day's run and another start-up send nothing more this week
		digestJobs.weekly();
		jobs.catchUp();
		this.clock.advance(java.time.Duration.ofDays(1));
		jobs.daily();
		dispatch();
		assertThat(digestMails(world.ae(), monday)).hasSize(1);
	}

	@Test
	void theDigestCronFiringBeforeTheDaysRunLeavesTheWeekToTheRunsEnd() {
		var world = this.fixtures.world("Digest Early Cron");
		var monday = this.weeks.monday(8);
		var digestJobs = new DigestJobs(this.digests, DIGEST_CRON);
		var jobs = new GuidanceJobs(this.guidance, this.scores, digestJobs, DAILY_CRON, "-");

		digestJobs.weekly();
		assertThat(weekRecorded(monday)).isFalse();
		jobs.daily();
		dispatch();

		assertThat(digestMails(world.ae(), monday)).hasSize(1);
	}

	@Test
	void twoInstancesStartingAtOnceSendTheWeeksDigestOnceAfterTheGuidanceRun() throws Exception {
		var world = this.fixtures.world("Digest Two Starts");
		var monday = this.weeks.monday(8);
		var start = new CyclicBarrier(2);
		var starts = List.of(startUp(start), startUp(start));
		CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get();
		dispatch();

		assertThat(digestMails(world.ae(), monday)).hasSize(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM notification WHERE notice_key LIKE :key")
			.param("key", "guidance-digest:" + monday + ":%")
			.query(Long.class)
			.single()).as("one digest per person counted in the week's run").isEqualTo(peopleOf(monday));
	}

	private CompletableFuture<Void> startUp(CyclicBarrier start) {
		var jobs = new GuidanceJobs(this.guidance, this.scores, new DigestJobs(this.digests, DIGEST_CRON), DAILY_CRON,
				"-");
		return CompletableFuture.runAsync(() -> {
			try {
				start.await();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			jobs.catchUp();
		});
	}

	private boolean weekRecorded(LocalDate monday) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM guidance_digest_run WHERE week_start = :week)")
			.param("week", monday)
			.query(Boolean.class)
			.single();
	}

	private long peopleOf(LocalDate monday) {
		return this.jdbc.sql("SELECT people FROM guidance_digest_run WHERE week_start = :week")
			.param("week", monday)
			.query(Long.class)
			.single();
	}

	/** The outbox's dispatcher, run as its schedule runs it. */
	private void dispatch() {
		this.context.getBeansOfType(ScheduledTaskHolder.class)
			.values()
			.stream()
			.flatMap(holder -> holder.getScheduledTasks().stream())
			.map(task -> task.getTask().getRunnable())
			.filter(runnable -> runnable.toString().endsWith(".NotificationDispatcher.scheduled"))
			.findFirst()
			.orElseThrow()
			.run();
	}

	private List<MimeMessage> digestMails(Viewer viewer, LocalDate monday) {
		var email = this.fixtures.email(viewer);
		return Arrays.stream(this.mail.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.toString(m.getAllRecipients()).contains(email)
						&& m.getSubject().startsWith("Your guidance for the week of " + monday);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String body(MimeMessage message) {
		return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
	}

}
