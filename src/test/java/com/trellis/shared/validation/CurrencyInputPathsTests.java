package com.trellis.shared.validation;

import java.sql.Timestamp;

import com.trellis.identity.Role;
import com.trellis.shared.PlainDecimals;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Currencies and amounts by every path that takes them: funds and withdrawn codes are no
 * currencies anywhere, a code is read in any case and kept in capitals on the API and the
 * forms alike, too many decimals are told the currency's own minor unit, and a program's
 * amounts follow the rules and scale of every other amount.
 */
@TrellisTest
class CurrencyInputPathsTests {

	private static final String DEAL = """
			{"accountId": %d, "name": "%s", "amount": %s, "currency": "%s", "stage": "QUALIFIED",
			 "closeDate": "2027-02-15", "source": "DIRECT"}
			""";

	private static final String NOT_A_CURRENCY = "must be an ISO 4217 currency code such as USD";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void fundsAndWithdrawnCodesAreNoCurrencyOnAnyPath() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var api = new Api(this.mvc, this.fixtures.token(admin));
		for (var code : new String[] { "CLF", "BOV", "USN", "CHE", "CHW", "MXV", "COU", "UYI", "ZWD", "ZWL", "HRK",
				"DEM", "VEF", "CUC" }) {
			api.put("/api/v1/exchange-rates/" + code, "{\"toReporting\": 1}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("currency"))
				.andExpect(jsonPath("$.errors[0].message").value(NOT_A_CURRENCY));
			assertThat(CurrencyRule.problem(code)).as(code).contains(NOT_A_CURRENCY);
		}
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin);
		this.mvc
			.perform(post("/admin/exchange-rates").session(session)
				.param("currency", "CLF")
				.param("toReporting", "40")
				.with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT count(*) FROM exchange_rate WHERE currency IN ('CLF', 'BOV', 'ZWD')")
			.query(Long.class)
			.single()).isZero();

		// a rate stored before the rule does not make a fund a currency for deals
		this.jdbc.sql("INSERT INTO exchange_rate (currency, to_reporting, updated_at) VALUES ('CLF', 40, now())")
			.update();
		var world = this.fixtures.world("Fund Currency Partners");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		ae.post("/api/v1/opportunities", DEAL.formatted(world.accountId(), "Fund deal", "100", "CLF"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("currency"))
			.andExpect(jsonPath("$.errors[0].message").value(NOT_A_CURRENCY));
		var page = this.mvc
			.perform(dealForm(world.accountId(), world.ae().userId(), "Fund form deal", "clf")
				.session(new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae())))
			.andExpect(status().isBadRequest())
			.andReturn();
		assertThat(page.getResponse().getContentAsString()).contains(NOT_A_CURRENCY);
		assertThat(this.jdbc.sql("SELECT count(*) FROM opportunity WHERE currency = 'CLF'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aCodeInLowerCaseIsReadInCapitalsOnTheApiAndEveryFormAlike() throws Exception {
		var world = this.fixtures.world("Lower Case Partners");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		ae.post("/api/v1/opportunities", DEAL.formatted(world.accountId(), "Lower api deal", "100", "usd"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.currency").value("USD"));
		this.mvc
			.perform(dealForm(world.accountId(), world.ae().userId(), "Lower form deal", "usd")
				.session(new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae())))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT currency FROM opportunity WHERE name LIKE 'Lower % deal' ORDER BY name")
			.query(String.class)
			.list()).containsExactly("USD", "USD");

		var admin = this.fixtures.user(Role.ADMIN);
		this.mvc
			.perform(
					post("/admin/exchange-rates").session(new Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin))
						.param("currency", "bhd")
						.param("toReporting", "2.65")
						.with(csrf()))
			.andExpect(redirectedUrl("/admin/exchange-rates?saved=BHD"));
		new Api(this.mvc, this.fixtures.token(admin)).put("/api/v1/exchange-rates/kwd", "{\"toReporting\": 3.25}")
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT currency FROM exchange_rate WHERE lower(currency) IN ('bhd', 'kwd')")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("BHD", "KWD");
	}

	@Test
	void tooManyDecimalsAreToldTheCurrencysOwnMinorUnitWhateverTheirCount() throws Exception {
		var world = this.fixtures.world("Decimal Places Partners");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		for (var amount : new String[] { "1.001", "1.0001", "1.00001", "1.0123456789" }) {
			ae.post("/api/v1/opportunities", DEAL.formatted(world.accountId(), "Decimals " + amount, amount, "USD"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("amount"))
				.andExpect(jsonPath("$.errors[0].message").value("must have at most 2 decimals for USD"));
		}
		ae.post("/api/v1/opportunities", DEAL.formatted(world.accountId(), "Yen decimals", "1.00001", "JPY"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a whole number: JPY has no decimals"));

		long request = this.jdbc.sql("""
				INSERT INTO mdf_request (partner_id, activity, cost, currency, expected_pipeline, partner_investment,
				                         status, approved_amount, requested_by, requested_at)
				VALUES (:partner, 'Dinar fair', 100, 'BHD', 1000, 0, 'APPROVED', 100, :by, :now) RETURNING id
				""")
			.param("partner", world.partnerId())
			.param("by", world.partnerUser().userId())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		new Api(this.mvc, this.fixtures.token(world.partnerUser()))
			.post("/api/v1/mdf-requests/" + request + "/claims", "{\"amount\": 0.00001, \"proof\": \"invoice 9\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].message").value("must have at most 3 decimals for BHD"));
	}

	@Test
	void aProgramsAmountsAreWrittenOutAndGivenAtTheirCurrencysScale() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var api = new Api(this.mvc, this.fixtures.token(admin));
		long programs = this.fixtures.count("incentive_program");
		for (var params : new String[] { "{\"tiers\": [{\"threshold\": 1E3, \"value\": 2}]}",
				"{\"tiers\": [{\"threshold\": 1000, \"value\": 2.5e0}]}" }) {
			api.post("/api/v1/incentive-programs", program("Exponent rebate", "QUARTERLY_REBATE", "EUR", params))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field")
					.value(params.contains("1E3") ? "params.tiers[0].threshold" : "params.tiers[0].value"))
				.andExpect(jsonPath("$.errors[0].message").value(PlainDecimals.EXPONENT_TEXT));
		}
		api.post("/api/v1/incentive-programs",
				program("Exponent spiff", "FAST_START_SPIFF", "EUR",
						"{\"bonus\": 5e2, \"firstDeals\": 1, \"withinDays\": 90}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("params.bonus"))
			.andExpect(jsonPath("$.errors[0].message").value(PlainDecimals.EXPONENT_TEXT));
		var page = this.mvc
			.perform(post("/incentives/programs/new")
				.session(new Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin))
				.param("name", "Exponent form rebate")
				.param("kind", "QUARTERLY_REBATE")
				.param("currency", "EUR")
				.param("startsOn", "2027-01-01")
				.param("tiers", "1e3: 2")
				.with(csrf()))
			.andReturn();
		assertThat(page.getResponse().getContentAsString()).contains(PlainDecimals.EXPONENT_TEXT);
		assertThat(this.fixtures.count("incentive_program")).isEqualTo(programs);

		var created = api.post("/api/v1/incentive-programs", program("Scaled MDF", "MDF", "EUR",
				"{\"tiers\": [{\"threshold\": 1000.5, \"value\": 250}, {\"threshold\": 20000, \"value\": 1000.25}]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(created).contains("{\"value\":250.00,\"threshold\":1000.50}",
				"{\"value\":1000.25,\"threshold\":20000.00}");
		assertThat(api.get("/api/v1/incentive-programs").andReturn().getResponse().getContentAsString())
			.contains("{\"value\":250.00,\"threshold\":1000.50}");
		var rebate = api
			.post("/api/v1/incentive-programs",
					program("Scaled yen rebate", "QUARTERLY_REBATE", "JPY",
							"{\"tiers\": [{\"threshold\": 5000, \"value\": 2.5}]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// a rebate's value is a percent, not an amount
		assertThat(rebate).contains("{\"value\":2.5,\"threshold\":5000}");
	}

	private static String program(String name, String kind, String currency, String params) {
		return """
				{"name": "%s", "kind": "%s", "currency": "%s", "startsOn": "2027-01-01", "params": %s}
				""".formatted(name, kind, currency, params);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder dealForm(long account,
			long owner, String name, String currency) {
		return post("/opportunities/new").param("accountId", String.valueOf(account))
			.param("name", name)
			.param("amount", "100")
			.param("currency", currency)
			.param("stage", "QUALIFIED")
			.param("closeDate", "2027-02-26")
			.param("ownerId", String.valueOf(owner))
			.with(csrf());
	}

}
