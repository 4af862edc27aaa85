package com.trellis.deals;

import java.math.BigDecimal;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A deal's amount as the API and the CSV export carry it: at its currency's own minor
 * unit (JPY 12345, USD 12345.00, BHD 1.234), whatever scale the column keeps; and an
 * amount with more decimals than its currency has is refused, naming the field.
 */
@TrellisTest
class DealMoneyScaleTests {

	private static final String DEAL = """
			{"accountId": %d, "name": "%s", "amount": %s, "currency": "%s", "stage": "QUALIFIED",
			 "closeDate": "2027-02-15", "source": "DIRECT"}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void dinarsHaveARate() {
		this.jdbc.sql("""
				INSERT INTO exchange_rate (currency, to_reporting, updated_at) VALUES ('BHD', 2.65, now())
				ON CONFLICT (currency) DO NOTHING
				""").update();
	}

	@Test
	void aYenDealReads12345InTheApiAndTheCsvExportBesideUsdAndDinarAtTheirScales() throws Exception {
		var ae = this.fixtures.user(Role.AE);
		long account = this.fixtures.account("Scale customer", null, ae.userId());
		var api = new Api(this.mvc, this.fixtures.token(ae));
		long yen = create(api, account, "Yen scale deal", "12345", "JPY");
		assertThat(api.get("/api/v1/opportunities/" + yen)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("\"amount\":12345,");
		long dollars = create(api, account, "Dollar scale deal", "12345", "USD");
		assertThat(api.get("/api/v1/opportunities/" + dollars).andReturn().getResponse().getContentAsString())
			.contains("\"amount\":12345.00,");
		long dinars = create(api, account, "Dinar scale deal", "1.234", "BHD");
		assertThat(api.get("/api/v1/opportunities/" + dinars).andReturn().getResponse().getContentAsString())
			.contains("\"amount\":1.234,");

		var csv = this.mvc.perform(get("/opportunities/export.csv").session(login(ae)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("Yen scale deal," + account + ",Scale customer,12345,JPY,")
			.contains("Dollar scale deal," + account + ",Scale customer,12345.00,USD,")
			.contains("Dinar scale deal," + account + ",Scale customer,1.234,BHD,");
	}

	@Test
	void anAmountMayHaveTheDecimalsOfItsCurrencyAndNoMore() throws Exception {
		var ae = this.fixtures.user(Role.AE);
		long account = this.fixtures.account("Decimals customer", null, ae.userId());
		var api = new Api(this.mvc, this.fixtures.token(ae));
		long deals = this.fixtures.count("opportunity");
		api.post("/api/v1/opportunities", DEAL.formatted(account, "Cents", "1.234", "USD"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].message").value("must have at most 2 decimals for USD"));
		api.post("/api/v1/opportunities", DEAL.formatted(account, "Yen", "1.5", "JPY"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a whole number: JPY has no decimals"));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);

		long dinars = create(api, account, "Fils", "1.234", "BHD");
		assertThat(this.jdbc.sql("SELECT amount FROM opportunity WHERE id = ?")
			.param(dinars)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("1.234");
	}

	private long create(Api api, long account, String name, String amount, String currency) throws Exception {
		var body = api.post("/api/v1/opportunities", DEAL.formatted(account, name, amount, currency))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

	private MockHttpSession login(com.trellis.identity.Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
