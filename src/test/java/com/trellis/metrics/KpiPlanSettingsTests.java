package com.trellis.metrics;

import java.time.LocalDate;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A KPI request plans its statements for their own parameters, index probes priced as
 * reads from memory ({@link KpiRepository#planForParameters}), for its own transaction
 * only: on the large demo a PAM's book read the whole quarter's won deals under the plan
 * the server kept for any parameters (75 ms against 3 ms).
 */
@TrellisTest
class KpiPlanSettingsTests {

	private static final String SETTINGS = "SELECT current_setting('plan_cache_mode') || ' ' || current_setting('random_page_cost')";

	@Autowired
	Kpis kpis;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestClock clock;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void aBooksKpisArePlannedForTheirParametersUntilTheirTransactionEnds() {
		var pam = this.fixtures.user(Role.PAM);
		this.fixtures.partner("Planned Book Partner", pam.userId());
		var quarter = this.calendar.quarterOf(LocalDate.ofInstant(this.clock.instant(), this.calendar.zone()));
		var period = Period.until(quarter.start(), quarter.end());
		var before = this.jdbc.sql(SETTINGS).query(String.class).single();
		var during = this.transactions.execute(status -> {
			var kpis = this.kpis.compute(pam, period, new Slice(Slice.Kind.PAM, String.valueOf(pam.userId())));
			assertThat(kpis).extracting(Kpi::code).contains("SALES_CYCLE", "PIPELINE_SOURCED");
			return this.jdbc.sql(SETTINGS).query(String.class).single();
		});
		assertThat(during).isEqualTo("force_custom_plan 1.1");
		assertThat(before).isNotEqualTo(during);
		// the settings end with the request's transaction: the pool's next reader plans
		// as before
		assertThat(List.of(this.jdbc.sql(SETTINGS).query(String.class).single())).containsExactly(before);
	}

}
