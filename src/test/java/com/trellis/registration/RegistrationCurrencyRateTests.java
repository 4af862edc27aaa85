package com.trellis.registration;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.deals.CreditType;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A registration in a currency the program has no exchange rate for is refused naming the
 * currency, with every other bad field, and stores nothing, whether it comes through the
 * API or the service: the rate is read with the registration's other reads, in its
 * transaction, not while the body is bound (SEK has no rate in the demo data).
 */
@TrellisTest
class RegistrationCurrencyRateTests {

	private static final String NO_RATE = "has no exchange rate: a program admin must add the rate for SEK before amounts in it can be entered";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Test
	void aCurrencyWithoutARateIsRefusedThroughTheApiNamingItWithTheOtherFields() throws Exception {
		var world = this.fixtures.world("Rateless Api Partners");
		long before = this.fixtures.count("deal_registration");
		var api = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		api.post("/api/v1/registrations", body("Replace the legacy order system before Q3"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("currency")))
			.andExpect(jsonPath("$.errors[0].message").value(NO_RATE));
		api.post("/api/v1/registrations", body("short"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("customerNeed", "currency")))
			.andExpect(jsonPath("$.errors[*].message").value(hasItem(NO_RATE)));
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before);
	}

	@Test
	void theServiceRefusesACurrencyWithoutARateToo() {
		var world = this.fixtures.world("Rateless Service Partners");
		long before = this.fixtures.count("deal_registration");
		var command = new RegistrationCommand(null, "Skarvik Timber AB", "skarvik-timber.se",
				"Replace the legacy order system before Q3", new BigDecimal("48000.00"), "SEK",
				LocalDate.of(2027, 4, 30), null, CreditType.SOURCED);
		assertThatThrownBy(() -> this.registrations.register(world.partnerUser(), command))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors())
				.containsExactly(new InvalidInputException.FieldError("currency", NO_RATE)));
		assertThatThrownBy(() -> this.registrations.check(world.partnerUser(), command))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors())
				.containsExactly(new InvalidInputException.FieldError("currency", NO_RATE)));
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before);
	}

	private static String body(String need) {
		return """
				{"customerName": "Skarvik Timber AB", "customerDomain": "skarvik-timber.se", "customerNeed": "%s",
				 "amount": 48000.00, "currency": "SEK", "expectedCloseDate": "2027-04-30", "creditType": "SOURCED"}
				""".formatted(need);
	}

}
