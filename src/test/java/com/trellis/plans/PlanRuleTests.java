package com.trellis.plans;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.identity.Role;
import com.trellis.identity.UserSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanRuleTests {

	private static final UserSummary AE = new UserSummary(1, "ae@x.test", "Ann", Role.AE, null, null, null, null);

	private static final UserSummary CONTACT = new UserSummary(2, "c@p.test", "Cy", Role.PARTNER, null, null, 10L,
			null);

	private static PlanCommand plan(LocalDate starts, LocalDate ends, long owner, long contact) {
		return new PlanCommand(10L, 20L, "Grow", BigDecimal.TEN, BigDecimal.ONE, "USD", starts, ends, owner, contact);
	}

	@Test
	void aPlanWithOurOwnerAndThePartnersContactOverDatesInOrderPasses() {
		var d = LocalDate.of(2026, 12, 1);
		assertThat(PlanRule.check(plan(d, d, 1, 2), AE, CONTACT)).isEmpty();
	}

	@Test
	void goalsEndingBeforeTheyStartAreRefusedNamingEndsOn() {
		var d = LocalDate.of(2026, 12, 1);
		assertThat(PlanRule.check(plan(d, d.minusDays(1), 1, 2), AE, CONTACT)).extracting(e -> e.field())
			.containsExactly("endsOn");
	}

	@Test
	void theOwnersMustBeOneOfOursAndOneOfThePartnersNamingEachField() {
		var d = LocalDate.of(2026, 12, 1);
		var otherPartnersUser = new UserSummary(3, "o@q.test", "Oz", Role.PARTNER, null, null, 11L, null);
		assertThat(PlanRule.check(plan(d, d, 2, 3), CONTACT, otherPartnersUser)).extracting(e -> e.field())
			.containsExactly("vendorOwnerId", "partnerContactId");
		assertThat(PlanRule.check(plan(d, d, 9, 8), null, null)).extracting(e -> e.message())
			.containsExactly("no active user with id 9", "no active user with id 8");
	}

}
