package com.trellis.metrics;

import java.math.BigDecimal;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The exchange rates page: an admin lists, adds and changes rates (audited as the API
 * does), bad input is named beside its field and changes nothing, anyone else is refused
 * before the form is read.
 */
@TrellisTest
class ExchangeRatePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExchangeRates rates;

	@Test
	void anAdminAddsAndChangesARateAndEachChangeIsAudited() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var session = login(admin);
		this.mvc
			.perform(post("/admin/exchange-rates").session(session)
				.param("currency", "MNT")
				.param("toReporting", "0.00029")
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/exchange-rates?saved=MNT"));
		this.mvc
			.perform(post("/admin/exchange-rates").session(session)
				.param("currency", "MNT")
				.param("toReporting", "0.0003")
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/exchange-rates?saved=MNT"));

		assertThat(rate("MNT")).isEqualByComparingTo("0.0003");
		assertThat(this.jdbc.sql("""
				SELECT coalesce(before::text, 'null') || ' -> ' || after::text FROM audit_entry
				WHERE entity_type = 'exchange-rate' AND entity_id = 'MNT' AND actor_id = ? ORDER BY id
				""").param(admin.userId()).query(String.class).list()).containsExactly("null -> 0.00029",
				"0.00029000 -> 0.0003");
		var page = html(session, "/admin/exchange-rates?saved=MNT");
		assertThat(page).contains("USD").contains("<td>MNT</td>").contains("0.0003").contains("id=\"rate-saved\"");
		assertThat(html(session, "/")).contains("href=\"/admin/exchange-rates\"");
	}

	@Test
	void badInputIsNamedBesideItsFieldAndChangesNothing() throws Exception {
		var session = login(this.fixtures.user(Role.ADMIN));
		var before = this.jdbc.sql("SELECT count(*) FROM exchange_rate").query(Long.class).single();

		assertThat(form(session, "MNX", "0.1")).contains("aria-invalid=\"true\"").contains("MNX");
		assertThat(form(session, "KZT", "abc")).contains("must be a number like 0.095, not &#39;abc&#39;");
		assertThat(form(session, "KZT", "-1")).contains("must be a rate from 0.00000001 to 1000");
		assertThat(form(session, "KZT", "")).contains("must be a rate from 0.00000001 to 1000");
		assertThat(this.jdbc.sql("SELECT count(*) FROM exchange_rate").query(Long.class).single()).isEqualTo(before);
		assertThat(rate("KZT")).isNull();
	}

	@Test
	void theReportingCurrencysRateStaysOneOnThePageAndThroughTheService() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var session = login(admin);

		assertThat(form(session, "USD", "0.5")).contains("aria-invalid=\"true\"")
			.contains("USD is the reporting currency: its rate is always 1");
		assertThatThrownBy(() -> this.rates.set(admin, "USD", new BigDecimal("2"))).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("currency"));
		assertThatThrownBy(() -> this.rates.set(admin, "USD", new BigDecimal("-1"))).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("currency", "toReporting"));
		assertThat(rate("USD")).isEqualByComparingTo("1");
	}

	@Test
	void onlyAnAdminSeesOrChangesTheRatesAndOthersAreRefusedBeforeValidation() throws Exception {
		for (var role : new Role[] { Role.PAM, Role.AE, Role.EXECUTIVE }) {
			var session = login(this.fixtures.user(role));
			this.mvc.perform(get("/admin/exchange-rates").session(session)).andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/exchange-rates").session(session)
					.param("currency", "not a currency")
					.param("toReporting", "abc")
					.with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/exchange-rates").session(session)
					.param("currency", "KZT")
					.param("toReporting", "0.002")
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(rate("KZT")).isNull();
	}

	private String form(MockHttpSession session, String currency, String rate) throws Exception {
		return this.mvc
			.perform(post("/admin/exchange-rates").session(session)
				.param("currency", currency)
				.param("toReporting", rate)
				.with(csrf()))
			.andExpect(status().is4xxClientError())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private BigDecimal rate(String currency) {
		return this.jdbc.sql("SELECT to_reporting FROM exchange_rate WHERE currency = ?")
			.param(currency)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

	private String html(MockHttpSession session, String path) throws Exception {
		return com.trellis.support.Readers.read(this.mvc, session, path);
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
