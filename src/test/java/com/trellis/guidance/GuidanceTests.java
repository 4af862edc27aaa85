package com.trellis.guidance;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.GuidanceRunTest;
import com.trellis.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GuidanceRunTest
class GuidanceTests {

	/** Each test runs on days of its own, after the demo's first run. */
	private static final AtomicInteger days = new AtomicInteger(200);

	/** This test's fresh day, set by {@link #newDay()}. */
	private java.time.Instant today;

	@Autowired
	Guidance guidance;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	com.trellis.identity.Users users;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void twoInstancesRunningTheDayAtOnceRaiseEachRecommendationOnce() throws Exception {
		var world = this.fixtures.world("Guidance Once");
		newDay();
		var pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Boolean> run = this.guidance::runDaily;
			var first = pool.submit(run);
			var second = pool.submit(run);
			assertThat(new boolean[] { first.get(), second.get() }).containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdown();
		}
		var stalled = this.guidance.current(world.ae())
			.stream()
			.filter(r -> r.kind() == Kind.STALLED_DEAL && r.actionLink().equals("/opportunities/" + world.dealId()))
			.toList();
		assertThat(stalled).hasSize(1);
		assertThat(stalled.get(0).reason()).startsWith("Fixture deal has been ")
			.contains(" days in Qualified where the norm is ");
		assertThat(this.jdbc.sql("SELECT count(*) FROM guidance_run WHERE day = :day")
			.param("day", this.calendar.today())
			.query(Long.class)
			.single()).isOne();
		assertThat(this.guidance.runDaily()).isFalse();
	}

	@Test
	void acceptedDismissedAndSnoozedRecommendationsLeaveTheListAndOnlyTheSnoozedOneComesBackOnItsDay()
			throws Exception {
		var world = this.fixtures.world("Guidance States");
		var ae = world.ae();
		var second = this.fixtures.partnerDeal(world.accountId(), ae.userId(), world.partnerId(), "5000.00");
		var third = this.fixtures.partnerDeal(world.accountId(), ae.userId(), world.partnerId(), "7000.00");
		newDay();
		this.guidance.runDaily();
		var mine = this.guidance.current(ae).stream().filter(r -> r.kind() == Kind.STALLED_DEAL).toList();
		var accepted = find(mine, world.dealId());
		var dismissed = find(mine, second);
		var snoozed = find(mine, third);

		this.guidance.accept(ae, accepted);
		this.guidance.dismiss(ae, dismissed, "We are closing it this week");
		var today = this.calendar.today();
		this.guidance.snooze(ae, snoozed, today.plusDays(3));

		newDay(1);
		this.guidance.runDaily();
		assertThat(ids(ae)).doesNotContain(accepted, dismissed, snoozed);
		newDay(3);
		this.guidance.runDaily();
		assertThat(ids(ae)).contains(snoozed).doesNotContain(accepted, dismissed);
		var handled = this.guidance.handled(ae);
		assertThat(handled).anySatisfy(r -> {
			assertThat(r.id()).isEqualTo(dismissed);
			assertThat(r.state()).isEqualTo("DISMISSED");
			assertThat(r.dismissReason()).isEqualTo("We are closing it this week");
		});
	}

	/**
	 * try02: of four accepts at once, a loser read the card while it was open and was
	 * told it "was already open"; it is told the state it found.
	 */
	@Test
	void aSecondAcceptAtOnceIsToldTheCardWasAccepted() throws Exception {
		var world = this.fixtures.world("Guidance Accepted Twice");
		newDay();
		this.guidance.runDaily();
		long id = find(this.guidance.current(world.ae()), world.dealId());
		var pool = Executors.newFixedThreadPool(2);
		try {
			var accepted = new java.util.concurrent.CountDownLatch(1);
			var release = new java.util.concurrent.CountDownLatch(1);
			var first = pool.submit(() -> this.transactions.execute(status -> {
				this.guidance.accept(world.ae(), id);
				accepted.countDown();
				try {
					return release.await(30, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}));
			accepted.await(30, java.util.concurrent.TimeUnit.SECONDS);
			var second = pool.submit(() -> this.guidance.accept(world.ae(), id));
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> this.jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
					.query(Long.class)
					.single() > 0);
			release.countDown();
			first.get(30, java.util.concurrent.TimeUnit.SECONDS);
			assertThatThrownBy(() -> second.get(30, java.util.concurrent.TimeUnit.SECONDS))
				.hasCauseInstanceOf(com.trellis.shared.ConflictException.class)
				.cause()
				.hasMessageContaining("already accepted");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void dismissingWithoutAReasonNamesTheFieldAndChangesNothing() throws Exception {
		var world = this.fixtures.world("Guidance Reason");
		newDay();
		this.guidance.runDaily();
		var id = find(this.guidance.current(world.ae()), world.dealId());
		var api = new Api(this.mvc, this.fixtures.token(world.ae()));

		api.post("/api/v1/guidance/" + id + "/dismiss", "{\"reason\": \"  \"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		api.post("/api/v1/guidance/" + id + "/snooze", "{\"until\": \"2020-01-01\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("until"));

		assertThat(this.guidance.requireOwn(world.ae(), id).state()).isEqualTo("OPEN");
		api.post("/api/v1/guidance/" + id + "/accept", "").andExpect(status().isOk());
		api.post("/api/v1/guidance/" + id + "/dismiss", "{\"reason\": \"changed my mind\"}")
			.andExpect(status().isConflict());
		assertThat(this.guidance.requireOwn(world.ae(), id).state()).isEqualTo("ACCEPTED");
	}

	@Test
	void aCardActedOnFromTheHomePageTellsWhatHappenedThere() throws Exception {
		// try51: a snooze or accept from the home page redirected there and showed
		// neither
		// the refusal nor the confirmation (only /guidance showed them)
		var world = this.fixtures.world("Guidance Home");
		newDay();
		this.guidance.runDaily();
		var id = find(this.guidance.current(world.ae()), world.dealId());
		var session = new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae());
		var refused = this.mvc
			.perform(post("/guidance/" + id + "/snooze").session(session)
				.with(csrf())
				.param("until", "2020-01-01")
				.param("back", "/"))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		this.mvc.perform(get("/").session(session).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"guidance-error\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("must be after today")))
			// the date field offers only the days the snooze accepts
			.andExpect(
					content().string(org.hamcrest.Matchers.containsString("min=\"" + this.calendar.today().plusDays(1)
							+ "\" max=\"" + this.calendar.today().plusDays(Guidance.MAX_SNOOZE_DAYS) + "\"")));
		assertThat(this.guidance.requireOwn(world.ae(), id).state()).isEqualTo("OPEN");
		var accepted = this.mvc
			.perform(post("/guidance/" + id + "/accept").session(session).with(csrf()).param("back", "/"))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		this.mvc.perform(get("/").session(session).flashAttrs(accepted.getFlashMap()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"guidance-notice\"")));
	}

	@Test
	void nobodyReadsOrActsOnAnotherPersonsRecommendationsBeforeTheirInputIsRead() throws Exception {
		var world = this.fixtures.world("Guidance Own");
		var stranger = this.fixtures.user(Role.AE);
		newDay();
		this.guidance.runDaily();
		var id = find(this.guidance.current(world.ae()), world.dealId());
		var api = new Api(this.mvc, this.fixtures.token(stranger));

		api.get("/api/v1/guidance")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
		// a missing reason would be 400 for the owner; for anyone else the recommendation
		// does not exist
		api.post("/api/v1/guidance/" + id + "/dismiss", "{}").andExpect(status().isNotFound());
		api.post("/api/v1/guidance/" + id + "/accept", "").andExpect(status().isNotFound());
		assertThat(this.guidance.requireOwn(world.ae(), id).state()).isEqualTo("OPEN");
	}

	@Test
	void theDemosSalesManagerGetsHisTeamsDealsAndTheExecutiveProgramLevelPartnersHeMayOpen() throws Exception {
		var manager = demoViewer("manager@trellis.demo");
		var executive = demoViewer("exec@trellis.demo");
		var team = this.users.reportsOf(manager.userId());
		newDay();
		this.guidance.runDaily();

		var managers = this.guidance.current(manager);
		assertThat(managers).isNotEmpty();
		assertThat(managers).anySatisfy(r -> {
			assertThat(r.kind()).isIn(Kind.STALLED_DEAL, Kind.MISSING_EXIT_CRITERIA);
			long deal = Long.parseLong(r.actionLink().substring("/opportunities/".length()));
			assertThat(this.jdbc.sql("SELECT owner_id FROM opportunity WHERE id = :id")
				.param("id", deal)
				.query(Long.class)
				.single()).isIn(team);
		});
		var executives = this.guidance.current(executive);
		assertThat(executives).isNotEmpty()
			.allSatisfy(r -> assertThat(r.actionLink()).matches("/partners/\\d+/scorecard"));
		var link = executives.get(0).actionLink();
		new Api(this.mvc, this.fixtures.token(executive)).get("/api/v1/partners/" + link.split("/")[2] + "/scores")
			.andExpect(status().isOk());
	}

	private com.trellis.identity.Viewer demoViewer(String email) {
		var user = this.users.byEmail(email).orElseThrow();
		return new com.trellis.identity.Viewer(user.id(), user.displayName(), user.role(), user.partnerId());
	}

	private void newDay() {
		newDay(0);
	}

	/**
	 * A fresh day for this test (offset 0), or a day after it. A fresh day also lies
	 * after every guidance run the shared test database has seen (other test classes run
	 * weeks in the future), since a run for a day on or before the latest one does not
	 * happen.
	 */
	private void newDay(int after) {
		if (after == 0) {
			var day = TestClock.START.plus(Duration.ofDays(days.addAndGet(10)));
			var latest = this.jdbc.sql("SELECT max(day) FROM guidance_run")
				.query((rs, n) -> rs.getDate(1))
				.list()
				.get(0);
			if (latest != null) {
				var afterLatest = latest.toLocalDate()
					.plusDays(1)
					.atStartOfDay(this.calendar.zone())
					.toInstant()
					.plus(Duration.ofHours(12));
				day = afterLatest.isAfter(day) ? afterLatest : day;
			}
			this.today = day;
		}
		this.clock.set(this.today.plus(Duration.ofDays(after)));
	}

	private java.util.List<Long> ids(com.trellis.identity.Viewer viewer) {
		return this.guidance.current(viewer).stream().map(RecommendationView::id).toList();
	}

	private static long find(java.util.List<RecommendationView> list, long dealId) {
		return list.stream()
			.filter(r -> r.actionLink().equals("/opportunities/" + dealId))
			.filter(r -> r.kind() == Kind.STALLED_DEAL)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no stalled-deal recommendation for deal " + dealId + " in " + list))
			.id();
	}

}
