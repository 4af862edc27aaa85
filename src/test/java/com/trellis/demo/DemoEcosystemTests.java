package com.trellis.demo;

import java.util.Set;

import com.trellis.identity.Role;
import com.trellis.metrics.Kpis;
import com.trellis.metrics.Period;
import com.trellis.metrics.Slice;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small demo loaded at start-up shows every feature working: what a newcomer checks
 * on the first start.
 */
@TrellisTest
class DemoEcosystemTests {

	@Autowired
	Kpis kpis;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void someDemoPartnerUsersHoldEveryRequiredItemOfTheirTrack() {
		var today = this.calendar.today();
		var kpi = this.kpis
			.compute(this.fixtures.user(Role.ADMIN), Period.of(today.minusDays(89), today), Slice.PROGRAM,
					Set.of("ENABLEMENT_COMPLETION"))
			.get(0);
		assertThat(kpi.numerator()).isPositive();
		assertThat(kpi.value()).isPositive();
		assertThat(kpi.value()).isLessThan(kpi.denominator());
	}

}
