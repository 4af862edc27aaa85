package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A deactivated rep (fault 85.3: the manager's quota form offered one, the API set their
 * quota and the team's "sum of rep quotas" counted it): no new quota, not offered, and a
 * quota set before they left is not summed into their manager's team.
 */
@TrellisTest
class QuotaDeactivatedRepTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ForecastQuotas quotas;

	@Test
	void aDeactivatedRepGetsNoQuotaIsNotOfferedAndIsLeftOutOfTheTeamSum() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var active = this.fixtures.user(Role.AE, null, manager.userId());
		var leaver = this.fixtures.user(Role.AE, null, manager.userId());
		var gone = this.fixtures.user(Role.AE, null, manager.userId());
		this.quotas.set(admin, new QuotaCommand(Scope.Kind.REP, active.userId(), "2026-Q4", new BigDecimal("100")));
		this.quotas.set(admin, new QuotaCommand(Scope.Kind.REP, leaver.userId(), "2026-Q4", new BigDecimal("50")));
		this.jdbc.sql("UPDATE app_user SET enabled = false WHERE id IN (:ids)")
			.param("ids", java.util.List.of(leaver.userId(), gone.userId()))
			.update();

		var api = new Api(this.mvc, this.fixtures.token(manager));
		for (var user : java.util.List.of(gone, leaver)) {
			api.put("/api/v1/forecast/quotas",
					"{\"scope\": \"REP\", \"scopeId\": %d, \"quarter\": \"2026-Q4\", \"amount\": 10}"
						.formatted(user.userId()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("scopeId"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("deactivated")));
		}
		assertThat(this.fixtures.count("forecast_quota WHERE scope_id = " + gone.userId())).isZero();
		// try02: a program quota was asked for a user's id, then, given one, told no
		// quota
		// is for the program; it is told so at once
		api.put("/api/v1/forecast/quotas", "{\"scope\": \"PROGRAM\", \"quarter\": \"2026-Q4\", \"amount\": 1}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("scope"));

		var figures = Map.of("closed", new BigDecimal("10"), "commit", new BigDecimal("20"), "bestCase",
				new BigDecimal("30"), "weighted", new BigDecimal("15"));
		var team = this.quotas
			.attainment(new Scope(Scope.Kind.MANAGER, manager.userId()), LocalDate.of(2026, 11, 2), figures)
			.orElseThrow();
		assertThat(team.quota()).as("the leaver's 50 is not the team's to reach").isEqualByComparingTo("100");
		assertThat(team.basis()).isEqualTo("no manager quota set; sum of 1 rep quotas in the team");

		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var page = readers.read(readers.signIn(manager), "/forecast");
		assertThat(page).contains("value=\"REP:" + active.userId() + "\"")
			.doesNotContain("value=\"REP:" + leaver.userId() + "\"", "value=\"REP:" + gone.userId() + "\"");
	}

}
