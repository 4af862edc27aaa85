package com.trellis.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Snapshots labelled by the week of the fiscal quarter of the day they were taken on, and
 * forecast accuracy only for a quarter that has ended (issue 12, time leftovers 1 and 2).
 * 2026-Q4 starts on Thursday 1 October, so its weeks run Thursday to Wednesday; the
 * business zone is Berlin while the JVM runs in New York.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.business.time-zone=Europe/Berlin" })
class QuarterWeekTests {

	@Autowired
	Forecasts forecasts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	MockMvc mvc;

	private TimeZone jvmZone;

	@BeforeEach
	void runTheJvmInNewYork() {
		this.jvmZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
	}

	@AfterEach
	void restoreTheJvmZone() {
		TimeZone.setDefault(this.jvmZone);
	}

	@Test
	void aSnapshotTakenOnSunday29NovemberIsWeekNineFromThursday26November() {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		this.clock.set(Instant.parse("2026-11-29T11:00:00Z"));
		this.forecasts.takeWeeklySnapshots();
		var snapshots = ofQ4(admin, pam);
		assertThat(snapshots).hasSize(1);
		assertThat(snapshots.get(0)).containsEntry("weekOfQuarter", 9)
			.containsEntry("week", LocalDate.of(2026, 11, 26));
	}

	@Test
	void aSecondRunInTheSameQuarterWeekTakesNoSecondSnapshot() {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		this.clock.set(Instant.parse("2026-11-29T11:00:00Z"));
		this.forecasts.takeWeeklySnapshots();
		// Monday 30 November is still week 9 (26 November to 2 December)
		this.clock.set(Instant.parse("2026-11-30T04:00:00Z"));
		this.forecasts.takeWeeklySnapshots();
		assertThat(ofQ4(admin, pam)).extracting(s -> s.get("weekOfQuarter")).containsExactly(9);
		// Thursday 3 December starts week 10
		this.clock.set(Instant.parse("2026-12-03T04:00:00Z"));
		this.forecasts.takeWeeklySnapshots();
		assertThat(ofQ4(admin, pam)).extracting(s -> s.get("weekOfQuarter")).containsExactly(9, 10);
	}

	@Test
	void thePackNamesTheSundaySnapshotWeekNineFromThe26th() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		this.clock.set(Instant.parse("2026-11-29T11:00:00Z"));
		this.forecasts.takeWeeklySnapshots();
		new Api(this.mvc, this.fixtures.token(admin))
			.get("/api/v1/cadence/2026-Q4/FORECAST_ONE_ON_ONE/1?pam=" + pam.userId())
			.andExpect(status().isOk())
			.andExpect(content("Week 9 (from 2026-11-26)"));
	}

	@Test
	void theAccuracyOfTheQuarterStillRunningIsNotMeasuredAndSaysWhy() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		snapshot(pam, "2026-09-28", "2026-10-01T06:00:00Z", "50000");
		this.clock.set(Instant.parse("2026-11-29T11:00:00Z"));
		new Api(this.mvc, this.fixtures.token(admin))
			.get("/api/v1/forecast/accuracy?scope=PAM&scopeId=" + pam.userId() + "&day=2026-11-29")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quarter").value("2026-Q4"))
			.andExpect(jsonPath("$.finished").value(false))
			.andExpect(jsonPath("$.points").isEmpty())
			.andExpect(jsonPath("$.reason").value(containsString("2026-Q4 is not over")));
	}

	@Test
	void theEndedQuartersAccuracyLabelsEachSnapshotByTheDayItWasTaken() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		// stored under their Mondays, as the weekly job used to: Thursday 1 October is
		// week 1, Thursday 29 October week 5, Sunday 29 November week 9
		snapshot(pam, "2026-09-28", "2026-10-01T06:00:00Z", "10000");
		snapshot(pam, "2026-10-26", "2026-10-29T06:00:00Z", "20000");
		snapshot(pam, "2026-11-23", "2026-11-29T11:00:00Z", "30000");
		this.clock.set(Instant.parse("2027-01-05T10:00:00Z"));
		new Api(this.mvc, this.fixtures.token(admin))
			.get("/api/v1/forecast/accuracy?scope=PAM&scopeId=" + pam.userId() + "&day=2026-11-29")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.finished").value(true))
			.andExpect(jsonPath("$.points[*].week").value(org.hamcrest.Matchers.contains(1, 5, 9)))
			.andExpect(jsonPath("$.points[*].takenOn")
				.value(org.hamcrest.Matchers.contains("2026-10-01", "2026-10-29", "2026-11-29")))
			.andExpect(jsonPath("$.points[2].forecast").value(30000.0));
	}

	private List<Map<String, Object>> ofQ4(Viewer admin, Viewer pam) {
		return this.forecasts.snapshots(admin, new Scope(Scope.Kind.PAM, pam.userId()), LocalDate.of(2026, 11, 1));
	}

	private void snapshot(Viewer pam, String weekStart, String takenAt, String weighted) {
		this.jdbc
			.sql("""
					INSERT INTO forecast_snapshot (week_start, scope_kind, scope_id, quarter, commit, best_case, weighted, closed,
					    taken_at)
					VALUES (CAST(:week AS DATE), 'PAM', :pam, '2026-Q4', 0, 0, :weighted, 0, CAST(:taken AS TIMESTAMPTZ))
					""")
			.param("week", weekStart)
			.param("pam", pam.userId())
			.param("weighted", new java.math.BigDecimal(weighted))
			.param("taken", takenAt)
			.update();
	}

	private static org.springframework.test.web.servlet.ResultMatcher content(String text) {
		return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString(text));
	}

}
