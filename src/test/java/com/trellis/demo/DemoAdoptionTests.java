package com.trellis.demo;

import com.trellis.adoption.Adoption;
import com.trellis.adoption.RepAdoption;
import com.trellis.identity.Role;
import com.trellis.metrics.Period;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.FirstStartTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start's adoption page tells reps apart (try02: "registrations made" was 0 for
 * all 40 reps and no deal followed a manager's prompt, so adoption and compliance could
 * not be told apart): some reps register deals for partners, some bring partners in
 * mostly after their manager's prompt, others mostly unprompted.
 */
@FirstStartTest
class DemoAdoptionTests {

	@Autowired
	Adoption adoption;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void repsDifferInRegistrationsMadeAndInAdoptionAgainstCompliance() {
		var today = this.calendar.today();
		var reps = this.adoption.reps(this.fixtures.user(Role.ADMIN), Period.of(today.minusDays(364), today));
		assertThat(reps).anyMatch(r -> r.registrations() > 0).anyMatch(r -> r.registrations() == 0);
		// a third or more of a compliant rep's partner deals follow a prompt (the sourced
		// ones came from registrations), a tenth or less of an adopting rep's
		assertThat(reps).anyMatch(r -> r.partnerDeals() > 0 && 3 * r.compliant() >= r.partnerDeals())
			.anyMatch(r -> 10 * r.compliant() < r.partnerDeals());
		assertThat(reps.stream().mapToLong(RepAdoption::compliant).sum()).isPositive();

		// the demo's own sales manager sees both in their team (try03: none of it)
		long managerId = this.jdbc.sql("SELECT id FROM app_user WHERE email = 'manager@trellis.demo'")
			.query(Long.class)
			.single();
		var team = this.adoption.reps(new com.trellis.identity.Viewer(managerId, "manager", Role.SALES_MANAGER, null),
				Period.of(today.minusDays(364), today));
		assertThat(team).anyMatch(r -> r.registrations() > 0)
			.anyMatch(r -> r.partnerDeals() > 0 && 3 * r.compliant() >= r.partnerDeals());
	}

}
