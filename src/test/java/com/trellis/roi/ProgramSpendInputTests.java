package com.trellis.roi;

import java.util.regex.Pattern;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Money typed as people mistype it is refused naming the field and changes nothing: an
 * amount with an exponent ({@code 1e10}, ten billion) on the API as a number or as text,
 * spend dated after today, and on the ROI page an amount with a decimal comma, which is
 * shown again as typed with how to write it.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class ProgramSpendInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void programSpendWithAnExponentIsRefusedNamingTheAmountAsNumberAndAsText() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Exponent spend partner");
		var api = new Api(this.mvc, this.fixtures.token(admin));
		long before = this.fixtures.count("roi_program_spend");
		for (var amount : new String[] { "1e10", "\"1e10\"", "1.5E3", "\"2E+2\"" }) {
			api.post("/api/v1/roi/spend", spend(world.partnerId(), "2026-10-05", amount))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("amount"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("exponent")));
		}
		assertThat(this.fixtures.count("roi_program_spend")).isEqualTo(before);
		api.post("/api/v1/roi/spend", spend(world.partnerId(), "2026-10-05", "10000000000"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.amount").value(10000000000.00));
	}

	@Test
	void anMdfRequestCostWithAnExponentIsRefusedNamingTheCost() throws Exception {
		var world = this.fixtures.world("Exponent MDF partner");
		var api = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		long before = this.fixtures.count("mdf_request");
		for (var cost : new String[] { "1e10", "\"1e10\"" }) {
			api.post("/api/v1/partners/" + world.partnerId() + "/mdf-requests", """
					{"activity": "Joint webinar", "cost": %s, "currency": "EUR", "expectedPipeline": 50000,
					 "partnerInvestment": 200}
					""".formatted(cost))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("cost"));
		}
		assertThat(this.fixtures.count("mdf_request")).isEqualTo(before);
	}

	@Test
	void programSpendDatedAfterTodayIsRefusedNamingSpentOn() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Future spend partner");
		var api = new Api(this.mvc, this.fixtures.token(admin));
		long before = this.fixtures.count("roi_program_spend");
		api.post("/api/v1/roi/spend", spend(world.partnerId(), "2030-01-01", "100.00"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("spentOn"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("after today")));
		var page = this.mvc
			.perform(post("/roi/spend").session(login(admin))
				.with(csrf())
				.param("partnerId", "" + world.partnerId())
				.param("spentOn", "2030-01-01")
				.param("amount", "100.00")
				.param("currency", "USD")
				.param("purpose", "Partner event"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(errorNextTo(page, "spentOn")).contains("must not be after today");
		assertThat(this.fixtures.count("roi_program_spend")).isEqualTo(before);
	}

	@Test
	void anAmountWithADecimalCommaOnTheRoiPageSaysHowToWriteItAndKeepsWhatWasTyped() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Comma spend partner");
		long before = this.fixtures.count("roi_program_spend");
		var page = this.mvc
			.perform(post("/roi/spend").session(login(admin))
				.with(csrf())
				.param("partnerId", "" + world.partnerId())
				.param("spentOn", "2026-10-05")
				.param("amount", "1234,56")
				.param("currency", "EUR")
				.param("purpose", "Partner summit booth"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(errorNextTo(page, "amount"))
			.isEqualTo("must be a number such as 1234.56: use a point as the decimal separator");
		assertThat(valueOf(page, "amount")).isEqualTo("1234,56");
		assertThat(valueOf(page, "spentOn")).isEqualTo("2026-10-05");
		assertThat(valueOf(page, "currency")).isEqualTo("EUR");
		assertThat(valueOf(page, "purpose")).isEqualTo("Partner summit booth");
		assertThat(this.fixtures.count("roi_program_spend")).isEqualTo(before);
	}

	@Test
	void aCostRateWithADecimalCommaIsShownAgainAsTypedWithHowToWriteIt() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var page = this.mvc
			.perform(post("/roi/cost-rates").session(login(admin))
				.with(csrf())
				.param("pamCostPerPartner", "1000,50")
				.param("pamCurrency", "EUR")
				.param("enablementHourCost", "lots")
				.param("enablementCurrency", "USD"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(errorNextTo(page, "pamCostPerPartner")).contains("use a point as the decimal separator");
		assertThat(errorNextTo(page, "enablementHourCost")).isEqualTo("cannot be read as a number such as 1234.56");
		assertThat(valueOf(page, "pamCostPerPartner")).isEqualTo("1000,50");
		assertThat(valueOf(page, "enablementHourCost")).isEqualTo("lots");
	}

	static String spend(long partnerId, String day, String amount) {
		return """
				{"partnerId": %d, "spentOn": "%s", "amount": %s, "currency": "USD", "purpose": "Partner event"}
				""".formatted(partnerId, day, amount);
	}

	/** The value the form's input of that name shows. */
	static String valueOf(String page, String field) {
		var input = Pattern.compile("<input[^>]*name=\"" + field + "\"[^>]*>").matcher(page);
		assertThat(input.find()).as("an input named " + field).isTrue();
		var value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
		return value.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(value.group(1)) : null;
	}

	/** The error message shown right after the field's input. */
	static String errorNextTo(String page, String field) {
		var error = Pattern.compile("<input[^>]*name=\"" + field + "\"[^>]*>\\s*<small class=\"error\">([^<]*)</small>")
			.matcher(page);
		assertThat(error.find()).as("an error next to " + field).isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(error.group(1));
	}

	MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
