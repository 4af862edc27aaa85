package com.trellis.guidance;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.GuidanceRunTest;
import com.trellis.support.OwnGuidanceWeeks;
import com.trellis.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@GuidanceRunTest
class GuidanceDigestTests {

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

	@RegisterExtension
	final OwnGuidanceWeeks weeks = new OwnGuidanceWeeks();

	@Test
	void theDigestListsThePersonsTopRecommendationsInTheHomePagesOrderWithReasonsAndLinks() {
		var world = this.fixtures.world("Digest Content");
		for (int i = 0; i < 6; i++) {
			this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "1000.00");
		}
		var monday = this.weeks.monday(8);
		this.guidance.runDaily();
		var waiting = this.guidance.current(world.ae());
		assertThat(waiting).hasSizeGreaterThan(DigestComposer.TOP);

		assertThat(this.digests.runWeekly()).isTrue();

		var digest = digest(world.ae(), monday);
		assertThat(digest.subject())
			.isEqualTo("Your guidance for the week of " + monday + ": " + waiting.size() + " recommendations");
		for (int i = 0; i < DigestComposer.TOP; i++) {
			var r = waiting.get(i);
			assertThat(digest.body()).contains(
					"\n" + (i + 1) + ". " + r.title() + " (" + r.kindLabel() + ", new)\n" + "   Why: " + r.reason()
							+ "\n   " + r.actionLabel() + ": https://trellis.example.test" + r.actionLink() + "\n");
		}
		assertThat(digest.body()).doesNotContain("\n" + (DigestComposer.TOP + 1) + ". ")
			.contains((waiting.size() - DigestComposer.TOP) + " more")
			.contains("https://trellis.example.test/guidance");
		assertThat(digest.link()).isEqualTo("/guidance");
	}

	@Test
	void aDismissedOrAcceptedRecommendationNeverComesBackInADigestAndASnoozedOneOnlyAfterItsDay() {
		var world = this.fixtures.world("Digest States");
		var ae = world.ae();
		var accepted = world.dealId();
		var dismissed = this.fixtures.partnerDeal(world.accountId(), ae.userId(), world.partnerId(), "2000.00");
		var snoozed = this.fixtures.partnerDeal(world.accountId(), ae.userId(), world.partnerId(), "3000.00");
		var kept = this.fixtures.partnerDeal(world.accountId(), ae.userId(), world.partnerId(), "4000.00");
		var first = this.weeks.monday(8);
		this.guidance.runDaily();
		this.digests.runWeekly();
		assertThat(stalledDeals(digest(ae, first))).contains(accepted, dismissed, snoozed, kept);

		this.guidance.accept(ae, stalled(ae, accepted));
		this.guidance.dismiss(ae, stalled(ae, dismissed), "The customer paused the project");
		this.guidance.snooze(ae, stalled(ae, snoozed), first.plusDays(10));

		var second = this.weeks.monday(9);
		this.guidance.runDaily();
		this.digests.runWeekly();
		assertThat(stalledDeals(digest(ae, second))).contains(kept).doesNotContain(accepted, dismissed, snoozed);
		assertThat(digest(ae, second).body()).as("listed last week, so no longer new")
			.contains("Move Fixture deal forward (Stalled deal)\n")
			.doesNotContain("Move Fixture deal forward (Stalled deal, new)");

		var third = this.weeks.monday(10);
		this.guidance.runDaily();
		this.digests.runWeekly();
		assertThat(stalledDeals(digest(ae, third))).contains(kept, snoozed).doesNotContain(accepted, dismissed);
	}

	@Test
	void twoInstancesSendingTheWeeksDigestAtOnceSendItOnceToEachPerson() throws Exception {
		var world = this.fixtures.world("Digest Once");
		var monday = this.weeks.monday(8);
		this.guidance.runDaily();
		var pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Boolean> run = this.digests::runWeekly;
			var a = pool.submit(run);
			var b = pool.submit(run);
			assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdown();
		}
		this.clock.advance(java.time.Duration.ofDays(3));
		assertThat(this.digests.runWeekly()).as("a second run in the same week").isFalse();

		assertThat(this.jdbc.sql("SELECT count(*) FROM notification WHERE notice_key LIKE :key")
			.param("key", "guidance-digest:" + monday + ":%")
			.query(Long.class)
			.single())
			.isEqualTo(this.jdbc.sql("SELECT people FROM guidance_digest_run WHERE week_start = :week")
				.param("week", monday)
				.query(Long.class)
				.single());
		assertThat(this.jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND kind = 'GUIDANCE_DIGEST'")
			.param("user", world.ae().userId())
			.query(Long.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
				WHERE n.user_id = :user AND n.kind = 'GUIDANCE_DIGEST'
				""").param("user", world.ae().userId()).query(Long.class).single()).as("one e-mail").isOne();
	}

	record Sent(String subject, String body, String link) {
	}

	private Sent digest(Viewer viewer, java.time.LocalDate week) {
		return this.jdbc.sql("SELECT subject, body, link FROM notification WHERE notice_key = :key")
			.param("key", "guidance-digest:" + week + ":user:" + viewer.userId())
			.query((rs, n) -> new Sent(rs.getString("subject"), rs.getString("body"), rs.getString("link")))
			.optional()
			.orElseThrow(() -> new AssertionError("no digest of the week of " + week + " for " + viewer.name()));
	}

	private long stalled(Viewer viewer, long dealId) {
		return this.guidance.current(viewer)
			.stream()
			.filter(r -> r.kind() == Kind.STALLED_DEAL && r.actionLink().equals("/opportunities/" + dealId))
			.findFirst()
			.orElseThrow()
			.id();
	}

	/** The deals of the digest's stalled-deal items, in the digest's order. */
	private static List<Long> stalledDeals(Sent digest) {
		var link = java.util.regex.Pattern.compile("\\(Stalled deal(?:, new)?\\)\n.*\n   Open the deal: "
				+ "https://trellis\\.example\\.test/opportunities/(\\d+)\n");
		return link.matcher(digest.body()).results().map(m -> Long.parseLong(m.group(1))).toList();
	}

}
