package com.trellis.guidance;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;

import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guidance rules and ranking do not depend on how many records there are: every
 * expiring registration is found however many a viewer has, and a person's list is ranked
 * from the daily run's per-kind summary.
 */
@TrellisTest
class GuidanceScaleTests {

	@Autowired
	Advisors advisors;

	@Autowired
	Guidance guidance;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void aRegistrationExpiringSoonIsFoundBehindTwoHundredNewerOnes() {
		var world = this.fixtures.world("Guidance Many Registrations");
		var now = this.clock.instant();
		// 220 newer registrations protected for 60 more days, and an old one whose
		// protection ends in 5 days: last in the list's order (newest first)
		this.jdbc
			.sql("""
					INSERT INTO deal_registration (partner_id, registered_by, customer_name, customer_need, amount, currency,
					    expected_close_date, credit_type, partner_share, status, submitted_at, approved_at, protection_ends_at)
					SELECT :partner, :user, 'Many customer ' || n, 'a confirmed need', 1000, 'USD', :close, 'SOURCED', 20,
					       'APPROVED', :recent, :recent, :later
					FROM generate_series(1, 220) AS n
					""")
			.param("partner", world.partnerId())
			.param("user", world.partnerUser().userId())
			.param("close", LocalDate.now(this.clock).plusDays(90))
			.param("recent", Timestamp.from(now.minus(Duration.ofDays(1))))
			.param("later", Timestamp.from(now.plus(Duration.ofDays(60))))
			.update();
		long old = this.jdbc
			.sql("""
					INSERT INTO deal_registration (partner_id, registered_by, customer_name, customer_need, amount, currency,
					    expected_close_date, credit_type, partner_share, status, submitted_at, approved_at, protection_ends_at)
					VALUES (:partner, :user, 'Old customer', 'a confirmed need', 1000, 'USD', :close, 'SOURCED', 20,
					        'APPROVED', :old, :old, :soon) RETURNING id
					""")
			.param("partner", world.partnerId())
			.param("user", world.partnerUser().userId())
			.param("close", LocalDate.now(this.clock).plusDays(90))
			.param("old", Timestamp.from(now.minus(Duration.ofDays(85))))
			.param("soon", Timestamp.from(now.plus(Duration.ofDays(5))))
			.query(Long.class)
			.single();

		var advice = this.advisors.partner(world.partnerUser(), world.partnerId());

		assertThat(advice).filteredOn(a -> a.kind() == Kind.EXPIRING_REGISTRATION).singleElement().satisfies(a -> {
			assertThat(a.actionLink()).isEqualTo("/registrations/" + old);
			assertThat(a.title()).startsWith("Protection of Old customer ends on ");
		});
	}

	@Test
	void aPersonsListIsRankedFromTheDailySummaryOfEachKind() {
		var pam = this.fixtures.user(com.trellis.identity.Role.PAM);
		var today = this.calendar.today();
		var runDay = this.jdbc.sql("SELECT max(day) FROM guidance_run").query(java.sql.Date.class).single();
		for (var kind : new Kind[] { Kind.INTRODUCE_TO_AES, Kind.STALLED_DEAL }) {
			this.jdbc
				.sql("""
						INSERT INTO guidance_recommendation (user_id, kind, subject, title, reason, action_label, action_link,
						                                     shown_on, last_seen_on)
						VALUES (:user, :kind, 'ranking', 'Ranking', 'reason', 'Open', '/', :day, :day)
						""")
				.param("user", pam.userId())
				.param("kind", kind.name())
				.param("day", runDay)
				.update();
		}
		try {
			summary(Kind.STALLED_DEAL, 30, 20);
			summary(Kind.INTRODUCE_TO_AES, 30, 20);
			assertThat(this.guidance.current(pam)).extracting(RecommendationView::kind)
				.containsExactly(Kind.INTRODUCE_TO_AES, Kind.STALLED_DEAL);

			// the summary now says introductions are hardly ever accepted (1 of 30)
			summary(Kind.INTRODUCE_TO_AES, 30, 1);
			assertThat(this.guidance.current(pam)).extracting(RecommendationView::kind)
				.containsExactly(Kind.STALLED_DEAL, Kind.INTRODUCE_TO_AES);
		}
		finally {
			this.guidance.summarise(today);
		}
	}

	private void summary(Kind kind, long shown, long accepted) {
		this.jdbc
			.sql("""
					INSERT INTO guidance_kind_summary (kind, as_of, shown, accepted, weighed, accepted_decided, accepted_met,
					                                   idle_decided, idle_met)
					VALUES (:kind, :today, :shown, :accepted, :shown, 0, 0, 0, 0)
					ON CONFLICT (kind) DO UPDATE SET shown = :shown, accepted = :accepted, weighed = :shown,
					    accepted_decided = 0, accepted_met = 0, idle_decided = 0, idle_met = 0
					""")
			.param("kind", kind.name())
			.param("today", this.calendar.today())
			.param("shown", shown)
			.param("accepted", accepted)
			.update();
	}

}
