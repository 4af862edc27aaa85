package com.trellis.guidance;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.trellis.support.Fixtures;
import com.trellis.support.GuidanceRunTest;
import com.trellis.support.OwnGuidanceWeeks;
import com.trellis.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily run's day going back — the business zone moved west (UTC to Pago Pago is
 * still yesterday), or the clock set back — never empties anyone's list.
 */
@GuidanceRunTest
class GuidanceRunDayTests {

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

	@RegisterExtension
	final OwnGuidanceWeeks weeks = new OwnGuidanceWeeks();

	@Test
	void aRunForADayBeforeTheLatestRunDoesNotHappenAndHidesNothing() {
		var world = this.fixtures.world("Run Day West");
		var monday = this.weeks.monday(1);
		this.guidance.runDaily();
		var link = "/opportunities/" + world.dealId();
		assertThat(links(world)).contains(link);

		// the same moment read in a zone still on Sunday, as after restarting with
		// Pacific/Pago_Pago: that day is not run
		this.clock.set(monday.minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
		assertThat(this.guidance.runDaily()).isFalse();
		assertThat(links(world)).contains(link);
		assertThat(lastSeen(world)).containsOnly(monday);

		// back to the former zone: Monday's list is still there
		this.clock.set(monday.atTime(12, 0).toInstant(ZoneOffset.UTC));
		assertThat(this.guidance.runDaily()).isFalse();
		assertThat(links(world)).contains(link);
	}

	@Test
	void showingAnAdviceForAnEarlierDayNeverMovesTheDayItWasLastSeenBack() {
		var world = this.fixtures.world("Run Day Seen");
		var monday = this.weeks.monday(1);
		this.guidance.runDaily();
		var shown = this.jdbc.sql("""
				SELECT kind, subject FROM guidance_recommendation WHERE user_id = :user AND action_link = :link LIMIT 1
				""")
			.param("user", world.ae().userId())
			.param("link", "/opportunities/" + world.dealId())
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.single();
		var advice = new Advice(Kind.valueOf(shown.get(0)), shown.get(1), world.partnerId(), "Look at it", "Why",
				"Open the deal", "/opportunities/" + world.dealId());
		this.store.show(world.ae().userId(), advice, monday.minusDays(1));
		var rows = this.jdbc.sql("""
				SELECT kind || ' ' || subject || ' ' || last_seen_on FROM guidance_recommendation
				WHERE user_id = :user AND kind = :kind AND subject = :subject
				""")
			.param("user", world.ae().userId())
			.param("kind", shown.get(0))
			.param("subject", shown.get(1))
			.query(String.class)
			.list();
		assertThat(rows).singleElement().asString().endsWith(" " + monday);
	}

	@Test
	void theRepairMigrationShowsAgainWhatARunForAnEarlierDayHid() throws Exception {
		var world = this.fixtures.world("Run Day Repair");
		var monday = this.weeks.monday(1);
		this.guidance.runDaily();
		var link = "/opportunities/" + world.dealId();
		// what a run for the day before did before runs refused such days: recorded after
		// Monday's and moved the day last seen back
		var sunday = monday.minusDays(1);
		this.jdbc.sql(
				"INSERT INTO guidance_run (day, shown, finished_at) SELECT :day, 1, max(finished_at) + interval '1 hour' FROM guidance_run")
			.param("day", sunday)
			.update();
		this.jdbc.sql("UPDATE guidance_recommendation SET last_seen_on = :day WHERE user_id = :user")
			.param("day", sunday)
			.param("user", world.ae().userId())
			.update();
		assertThat(links(world)).doesNotContain(link);

		this.jdbc
			.sql(new ClassPathResource("db/migration/V96__guidance_backward_run_repair.sql")
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.update();

		assertThat(links(world)).contains(link);
		assertThat(lastSeen(world)).containsOnly(monday);
		this.jdbc.sql("DELETE FROM guidance_run WHERE day = :day").param("day", sunday).update();
	}

	private List<String> links(Fixtures.World world) {
		return this.guidance.current(world.ae()).stream().map(RecommendationView::actionLink).toList();
	}

	/** The days the person's recommendations about the world's deal were last seen. */
	private List<LocalDate> lastSeen(Fixtures.World world) {
		var days = this.jdbc.sql("""
				SELECT last_seen_on FROM guidance_recommendation WHERE user_id = :user AND action_link = :link
				""")
			.param("user", world.ae().userId())
			.param("link", "/opportunities/" + world.dealId())
			.query(java.sql.Date.class)
			.list()
			.stream()
			.map(java.sql.Date::toLocalDate)
			.toList();
		assertThat(days).isNotEmpty();
		return days;
	}

}
