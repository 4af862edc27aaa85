package com.trellis.web;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The incentive program form's money amounts (a fast-start SPIFF's bonus, a rebate's or
 * MDF's tier thresholds, an MDF tier's fund value) typed "1,500" by a German admin in a
 * currency of fewer than three decimals are refused as ambiguous naming the parameter, as
 * every other money field is (try23: a SPIFF bonus of "1,500" EUR was saved as 1.50 and a
 * threshold of "100,000" as 100); a rebate's percent is no amount, and KWD's "1,500" is
 * the decimal it can have.
 */
@TrellisTest
class ProgramFormAmbiguousAmountsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void dinarsHaveARate() {
		this.jdbc.sql("""
				INSERT INTO exchange_rate (currency, to_reporting, updated_at) VALUES ('KWD', 3.25, now())
				ON CONFLICT (currency) DO NOTHING
				""").update();
	}

	@Test
	void aGermanAdminsSpiffBonusOf1Comma500EurosIsRefusedAsAmbiguousAndOneInDinarsIsKept() throws Exception {
		var german = reading(this.fixtures.user(Role.ADMIN), "de-DE");
		var refused = spiff(german, "Ambiguous euro SPIFF", "1,500", "EUR");
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString())
			.contains("1,500 is ambiguous: write 1500 or 1.500 for the thousands, or 1,5 for the decimal");
		assertThat(count("Ambiguous euro SPIFF")).isZero();

		var kept = spiff(german, "Dinar SPIFF", "1,500", "KWD");
		assertThat(kept.getStatus()).as(kept.getContentAsString()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT (params ->> 'bonus')::numeric FROM incentive_program WHERE name = ?")
			.param("Dinar SPIFF")
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("1.5");
	}

	@Test
	void aGermanAdminsTierThresholdOrMdfValueOf1Comma500IsRefusedNamingTheTier() throws Exception {
		var german = reading(this.fixtures.user(Role.ADMIN), "de-DE");
		var rebate = tiers(german, "Ambiguous rebate", "QUARTERLY_REBATE", "100,000: 2,5");
		assertThat(rebate.getStatus()).isEqualTo(400);
		assertThat(rebate.getContentAsString()).contains("100,000 is ambiguous: write 100000 or 100.000");
		assertThat(count("Ambiguous rebate")).isZero();

		var mdf = tiers(german, "Ambiguous MDF", "MDF", "100.000: 1,500");
		assertThat(mdf.getStatus()).isEqualTo(400);
		assertThat(mdf.getContentAsString()).contains("1,500 is ambiguous: write 1500 or 1.500");
		assertThat(count("Ambiguous MDF")).isZero();

		var percent = tiers(german, "Rebate of one and a half percent", "QUARTERLY_REBATE", "100.000: 1,500");
		assertThat(percent.getStatus()).as(percent.getContentAsString()).isEqualTo(302);
	}

	private MockHttpServletResponse spiff(MockHttpSession session, String name, String bonus, String currency)
			throws Exception {
		return this.mvc
			.perform(post("/incentives/programs/new").param("name", name)
				.param("kind", "FAST_START_SPIFF")
				.param("currency", currency)
				.param("startsOn", "2027-01-01")
				.param("bonus", bonus)
				.param("firstDeals", "2")
				.param("withinDays", "90")
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse();
	}

	private MockHttpServletResponse tiers(MockHttpSession session, String name, String kind, String tiers)
			throws Exception {
		return this.mvc
			.perform(post("/incentives/programs/new").param("name", name)
				.param("kind", kind)
				.param("currency", "EUR")
				.param("startsOn", "2027-01-01")
				.param("tiers", tiers)
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse();
	}

	private long count(String name) {
		return this.jdbc.sql("SELECT count(*) FROM incentive_program WHERE name = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

	private MockHttpSession reading(Viewer viewer, String locale) throws Exception {
		var session = (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc.perform(post("/profile/reading").param("locale", locale)
			.param("timeZone", "Europe/Berlin")
			.session(session)
			.with(csrf()));
		return session;
	}

}
