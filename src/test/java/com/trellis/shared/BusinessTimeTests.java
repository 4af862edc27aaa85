package com.trellis.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;

import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.forecast.Forecasts;
import com.trellis.forecast.Scope;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Kpi;
import com.trellis.metrics.Kpis;
import com.trellis.metrics.Period;
import com.trellis.metrics.Slice;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Time as the vendor counts it (issue 12, items 7, 9 and 15): days in the business zone
 * whatever the JVM's zone, weeks by their number in the quarter, and figures that say why
 * they cannot be computed honestly.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class BusinessTimeTests {

	private static final Period Q4 = Period.until(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1));

	@Autowired
	Fixtures fixtures;

	@Autowired
	Deals deals;

	@Autowired
	Forecasts forecasts;

	@Autowired
	Kpis kpis;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	MockMvc mvc;

	@Test
	void aWonDealsCloseDateBecomesTheDayItClosed() {
		var world = this.fixtures.world("Closing day partner");
		this.clock.set(Instant.parse("2026-11-19T03:09:00Z"));
		var won = this.deals.moveStage(world.ae(), world.dealId(), Stage.QUALIFIED, Stage.CLOSED_WON, "signed", false);
		assertThat(won.closeDate()).isEqualTo(LocalDate.of(2026, 11, 19));
	}

	@Test
	void aDisqualifiedDealsCloseDateBecomesTheDayItWasDisqualified() {
		var world = this.fixtures.world("Disqualified day partner");
		this.clock.set(Instant.parse("2026-11-23T16:00:00Z"));
		var lost = this.deals.moveStage(world.ae(), world.dealId(), Stage.QUALIFIED, Stage.CLOSED_LOST, "no budget",
				true);
		assertThat(lost.closeDate()).isEqualTo(LocalDate.of(2026, 11, 23));
	}

	@Test
	void aDealClosedAtNineMinutesPastThreeUtcShowsThatDayWhenTheJvmRunsInNewYork() throws Exception {
		var world = this.fixtures.world("New York JVM partner");
		this.clock.set(Instant.parse("2026-11-19T03:09:00Z"));
		this.deals.moveStage(world.ae(), world.dealId(), Stage.QUALIFIED, Stage.CLOSED_WON, "signed", false);
		var admin = this.fixtures.user(Role.ADMIN);
		var session = login(admin);
		var jvmZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
		try {
			var page = this.mvc.perform(get("/opportunities/" + world.dealId()).session(session))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("2026-11-19").doesNotContain("2026-11-18");
			assertThat(this.kpis.compute(admin, Q4, Slice.PROGRAM)).isNotEmpty();
		}
		finally {
			TimeZone.setDefault(jvmZone);
		}
	}

	@Test
	void aSnapshotFirstTakenInWeekNineIsWeekNineInTheAccuracyTableNotWeekOne() {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		snapshot("2026-11-30", pam, "90000");
		this.clock.set(Instant.parse("2027-01-05T10:00:00Z"));
		var accuracy = this.forecasts
			.accuracy(admin, new Scope(Scope.Kind.PAM, pam.userId()), LocalDate.of(2026, 12, 1))
			.points();
		assertThat(accuracy).extracting(row -> row.get("week")).containsExactly(9);
	}

	@Test
	void weeksWithoutASnapshotAreAbsentNotRenumbered() {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		snapshot("2026-10-01", pam, "10000");
		snapshot("2026-11-30", pam, "30000");
		this.clock.set(Instant.parse("2027-01-05T10:00:00Z"));
		var accuracy = this.forecasts
			.accuracy(admin, new Scope(Scope.Kind.PAM, pam.userId()), LocalDate.of(2026, 12, 1))
			.points();
		assertThat(accuracy).extracting(row -> row.get("week")).containsExactly(1, 9);
		assertThat(accuracy).extracting(row -> row.get("forecast"))
			.containsExactly(new BigDecimal("10000.00"), new BigDecimal("30000.00"));
	}

	@Test
	void attainmentAgainstASnapshotFromWeekNineSaysWhyInsteadOfAPercentage() {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		snapshot("2026-11-30", pam, "90000");
		this.clock.set(Instant.parse("2026-12-01T10:00:00Z"));
		var attainment = attainment(admin, pam);
		assertThat(attainment.value()).isNull();
		assertThat(attainment.definition()).contains("taken in week 9 (the week of 2026-11-26)");
	}

	@Test
	void forecastAgainstActualAndItsChartJudgeAQuarterByTheSameSnapshotAsAttainment() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var late = this.fixtures.user(Role.PAM);
		var early = this.fixtures.user(Role.PAM);
		snapshot("2026-11-30", late, "90000");
		snapshot("2026-10-01", early, "10000");
		this.clock.set(Instant.parse("2027-01-05T10:00:00Z"));
		var api = new com.trellis.support.Api(this.mvc, this.fixtures.token(admin));
		api.get("/api/v1/forecast/versus-actual?scope=PAM&scopeId=" + late.userId())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].quarter").value("2026-Q4"))
			.andExpect(jsonPath("$[0].weekOfQuarter").value(9))
			.andExpect(jsonPath("$[0].forecast").value(nullValue()))
			.andExpect(jsonPath("$[0].commit").value(nullValue()))
			.andExpect(jsonPath("$[0].reason").value(containsString("taken in week 9 (the week of 2026-11-26)")));
		api.get("/api/v1/forecast/versus-actual?scope=PAM&scopeId=" + early.userId())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].weekOfQuarter").value(1))
			.andExpect(jsonPath("$[0].forecast").value(10000.00))
			.andExpect(jsonPath("$[0].reason").value(nullValue()));
		var session = login(admin);
		this.mvc.perform(get("/forecast?scope=PAM&scopeId=" + late.userId()).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026-Q4 (no forecast: first snapshot in week 9)")));
		this.mvc.perform(get("/forecast?scope=PAM&scopeId=" + early.userId()).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026-Q4 (forecast of week 1)")));
	}

	@Test
	void attainmentOfAQuarterStillRunningSaysItIsClosedWonSoFar() {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		snapshot("2026-10-01", pam, "90000");
		this.clock.set(Instant.parse("2026-12-01T10:00:00Z"));
		var attainment = attainment(admin, pam);
		assertThat(attainment.definition()).contains("The quarter is not over: closed-won so far, as of 2026-12-01");
	}

	private Kpi attainment(Viewer admin, Viewer pam) {
		return this.kpis.compute(admin, Q4, new Slice(Slice.Kind.PAM, String.valueOf(pam.userId())))
			.stream()
			.filter(k -> k.code().equals("FORECAST_ATTAINMENT"))
			.findFirst()
			.orElseThrow();
	}

	private void snapshot(String week, Viewer pam, String weighted) {
		this.jdbc
			.sql("""
					INSERT INTO forecast_snapshot (week_start, scope_kind, scope_id, quarter, commit, best_case, weighted, closed,
					    taken_at)
					VALUES (CAST(:week AS DATE), 'PAM', :pam, '2026-Q4', :weighted, 0, :weighted, 0,
					        CAST(:week AS DATE) + TIME '05:00' AT TIME ZONE 'UTC')
					""")
			.param("week", week)
			.param("pam", pam.userId())
			.param("weighted", new BigDecimal(weighted))
			.update();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
