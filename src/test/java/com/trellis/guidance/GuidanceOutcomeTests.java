package com.trellis.guidance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.trellis.cosell.CoSellRequests;
import com.trellis.cosell.RequestCoSell;
import com.trellis.deals.CreditType;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.registration.RegistrationCommand;
import com.trellis.registration.Registrations;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.StoredFigures;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome each recommendation aims at: an introduction's is a co-sell request to the
 * partner, a training's or an incentive's the partner's next deal registration.
 */
@TrellisTest
class GuidanceOutcomeTests {

	/** Each test runs on days of its own, clear of the other guidance tests' days. */
	private static final AtomicInteger days = new AtomicInteger(700);

	@Autowired
	Guidance guidance;

	@Autowired
	GuidanceStore store;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	CoSellRequests cosell;

	@Autowired
	Registrations registrations;

	@Test
	void acceptedIntroductionsFollowedByCoSellsGiveTheHandComputedLiftAndRegistrationsDoNotCount() {
		// nine introductions shown on day 0 with a 30-day window: four accepted, two of
		// them followed by a co-sell request in time, one too late and one only by a
		// registration; five not acted on (three open, two dismissed), one open one
		// followed by a co-sell request, one dismissed one only by a registration
		this.jdbc.sql("DELETE FROM guidance_recommendation").update();
		var world = this.fixtures.world("Outcome Lift");
		var pam = this.fixtures.user(Role.PAM);
		newDay();
		var day0 = this.calendar.today();
		String[] states = { "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "OPEN", "OPEN", "OPEN", "DISMISSED",
				"DISMISSED" };
		var partners = new ArrayList<Long>();
		for (int i = 0; i < states.length; i++) {
			long partner = this.fixtures.partner("Outcome Lift " + i, pam.userId());
			partners.add(partner);
			this.store.show(pam.userId(), new Advice(Kind.INTRODUCE_TO_AES, "partner:" + partner, partner, "Introduce",
					"reason", "Open", "/"), day0);
			long id = this.jdbc.sql("SELECT id FROM guidance_recommendation WHERE partner_id = :p")
				.param("p", partner)
				.query(Long.class)
				.single();
			if ("ACCEPTED".equals(states[i])) {
				this.guidance.accept(pam, id);
			}
			else if ("DISMISSED".equals(states[i])) {
				this.guidance.dismiss(pam, id, "not now");
			}
		}
		coSell(world, partners.get(0), day0.plusDays(5));
		coSell(world, partners.get(1), day0.plusDays(29));
		coSell(world, partners.get(2), day0.plusDays(32));
		register(partners.get(3), day0.plusDays(6));
		coSell(world, partners.get(5), day0.plusDays(10));
		register(partners.get(7), day0.plusDays(12));
		setDay(day0.plusDays(35));

		this.guidance.trackOutcomes(this.calendar.today());
		this.guidance.summarise(this.calendar.today());

		var line = this.guidance.usefulness(pam)
			.stream()
			.filter(l -> l.kind() == Kind.INTRODUCE_TO_AES)
			.findFirst()
			.orElseThrow();
		assertThat(line.shown()).isEqualTo(9);
		assertThat(line.accepted()).isEqualTo(4);
		assertThat(line.acceptance()).isEqualByComparingTo("0.4444");
		assertThat(line.acceptedMet()).isEqualTo(2);
		assertThat(line.acceptedRate()).isEqualByComparingTo("0.5000");
		assertThat(line.idleMet()).isEqualTo(1);
		assertThat(line.idleRate()).isEqualByComparingTo("0.2000");
		assertThat(line.lift()).isEqualByComparingTo("0.3000");
		assertThat(this.guidance.usefulnessAsOf()).isEqualTo(day0.plusDays(35));
	}

	@Test
	void freshlyShownRecommendationsDoNotRankAKindDownButOnesIgnoredForTwoWeeksDo() {
		this.jdbc.sql("DELETE FROM guidance_recommendation").update();
		var ae = this.fixtures.user(Role.AE);
		var admin = this.fixtures.user(Role.ADMIN);
		newDay();
		var day0 = this.calendar.today();
		for (int i = 0; i < 25; i++) {
			this.store.show(ae.userId(),
					new Advice(Kind.STALLED_DEAL, "deal:" + i, null, "Stalled", "reason", "Open", "/"), day0);
		}

		this.guidance.summarise(day0);
		var fresh = stalledDeals(admin);
		this.guidance.summarise(day0.plusDays(Usefulness.DAYS_TO_ACT - 1));
		var almostTwoWeeks = stalledDeals(admin);
		this.guidance.summarise(day0.plusDays(Usefulness.DAYS_TO_ACT));
		var twoWeeks = stalledDeals(admin);

		assertThat(fresh.shown()).isEqualTo(25);
		assertThat(fresh.rankedDown()).isFalse();
		assertThat(StoredFigures.render(fresh.reason(), Locale.US)).doesNotContain("Ranked down");
		assertThat(almostTwoWeeks.rankedDown()).isFalse();
		assertThat(twoWeeks.rankedDown()).isTrue();
		assertThat(StoredFigures.render(twoWeeks.reason(), Locale.US))
			.isEqualTo("Ranked down: 0 of 25 decided or shown at least 14 days ago accepted, fewer than one in ten.");
	}

	private UsefulnessLine stalledDeals(Viewer admin) {
		return this.guidance.usefulness(admin)
			.stream()
			.filter(l -> l.kind() == Kind.STALLED_DEAL)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aTrainingsOutcomeIsARegistrationAndAnIntroductionsACoSell() {
		var world = this.fixtures.world("Outcome Kinds");
		var pam = this.fixtures.user(Role.PAM);
		newDay();
		var day0 = this.calendar.today();
		long trainedAndRegistered = this.fixtures.partner("Outcome trained, registered", pam.userId());
		long trainedAndAsked = this.fixtures.partner("Outcome trained, asked", pam.userId());
		long introducedAndAsked = this.fixtures.partner("Outcome introduced, asked", pam.userId());
		var training = accepted(pam, trainedAndRegistered, Intervention.TRAINING, day0);
		var trainingAsked = accepted(pam, trainedAndAsked, Intervention.TRAINING, day0);
		var introduction = accepted(pam, introducedAndAsked, Intervention.INTRODUCTION, day0);
		register(trainedAndRegistered, day0.plusDays(40));
		coSell(world, trainedAndAsked, day0.plusDays(10));
		coSell(world, introducedAndAsked, day0.plusDays(20));
		setDay(day0.plusDays(61));

		this.guidance.trackOutcomes(this.calendar.today());

		assertThat(this.guidance.requireOwn(pam, training).outcomeAt()).isNotNull();
		assertThat(this.guidance.requireOwn(pam, trainingAsked).outcomeAt()).isNull();
		assertThat(this.guidance.requireOwn(pam, introduction).outcomeAt())
			.isEqualTo(day0.plusDays(20).atTime(12, 0).toInstant(ZoneOffset.UTC));
	}

	private long accepted(Viewer pam, long partner, Intervention intervention, LocalDate day) {
		this.store.show(pam.userId(), new Advice(Kind.STALLING_INTERVENTION, "partner:" + partner + ":X:" + day,
				partner, intervention.action(), "reason", "Open", "/", intervention), day);
		long id = this.jdbc.sql("SELECT id FROM guidance_recommendation WHERE partner_id = :p AND user_id = :u")
			.param("p", partner)
			.param("u", pam.userId())
			.query(Long.class)
			.single();
		this.guidance.accept(pam, id);
		return id;
	}

	private void coSell(Fixtures.World world, long partner, LocalDate day) {
		setDay(day);
		this.cosell.request(world.ae(), world.dealId(), new RequestCoSell(partner, "Help us on the demo"));
	}

	private void register(long partner, LocalDate day) {
		var user = this.fixtures.user(Role.PARTNER, partner, null);
		setDay(day);
		this.registrations.register(user, new RegistrationCommand(null, "Outcome customer " + partner, null,
				"A confirmed need", new BigDecimal("1000"), "USD", day.plusDays(90), null, CreditType.SOURCED));
	}

	private void newDay() {
		this.clock.set(TestClock.START.plus(Duration.ofDays(days.addAndGet(100))));
	}

	private void setDay(LocalDate day) {
		this.clock.set(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
	}

}
