package com.trellis.web;

import java.math.BigDecimal;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Amounts of currencies with three decimals (BHD, KWD) and none (JPY) on the deal form of
 * a German reader (issue 13 item 9): typed as the reader writes them, saved exactly,
 * shown back in the reader's notation so that saving the form unchanged keeps the amount,
 * and a yen amount with decimals refused naming the field.
 */
@TrellisTest
class MinorUnitAmountFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void dinarsHaveRates() {
		this.jdbc.sql("""
				INSERT INTO exchange_rate (currency, to_reporting, updated_at)
				VALUES ('BHD', 2.65, now()), ('KWD', 3.25, now())
				ON CONFLICT (currency) DO NOTHING
				""").update();
	}

	@Test
	void aGermanRepsBahrainiDealTypedAs1Point234Comma567IsSavedExactlyAndShownBackAsTheyWriteIt() throws Exception {
		var world = this.fixtures.world("Three Decimal Dinars");
		var ae = reading(world.ae(), "de-DE");
		var created = open(ae, world, "Dinar deal typed", "1.234,567", "BHD");
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
		assertThat(amount("Dinar deal typed")).isEqualByComparingTo("1234.567");
		var form = this.mvc.perform(get("/opportunities/" + id("Dinar deal typed") + "/edit").session(ae))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("value=\"1.234,567\"");
	}

	@Test
	void aGermanRepSavingAKuwaitiDealBelowAThousandUnchangedKeepsItsAmount() throws Exception {
		var world = this.fixtures.world("Kuwaiti Fils Unchanged");
		var ae = reading(world.ae(), "de-DE");
		open(ae, world, "Dinar deal kept", "567,125", "KWD");
		assertThat(amount("Dinar deal kept")).isEqualByComparingTo("567.125");
		long id = id("Dinar deal kept");
		var form = this.mvc.perform(get("/opportunities/" + id + "/edit").session(ae))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var shown = form.replaceAll("(?s).*name=\"amount\"[^>]*?value=\"([^\"]*)\".*", "$1");
		var version = form.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
		var saved = this.mvc
			.perform(post("/opportunities/" + id + "/edit").param("version", version)
				.param("accountId", String.valueOf(world.accountId()))
				.param("name", "Dinar deal kept")
				.param("amount", shown)
				.param("currency", "KWD")
				.param("closeDate", "2027-02-26")
				.param("ownerId", String.valueOf(world.ae().userId()))
				.session(ae)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
		assertThat(amount("Dinar deal kept")).isEqualByComparingTo("567.125");
	}

	@Test
	void aYenAmountWithDecimalsIsRefusedNamingTheAmountAndNothingIsSaved() throws Exception {
		var world = this.fixtures.world("Yen Without Sen");
		var ae = reading(world.ae(), "de-DE");
		var refused = open(ae, world, "Yen deal with sen", "1.234,5", "JPY");
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("must be a whole number: JPY has no decimals",
				"value=\"1.234,5\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM opportunity WHERE name = 'Yen deal with sen'")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * A German reader's "1,500" could be fifteen hundred or one and a half euros: refused
	 * naming the amount with how to write each, on the deal form and the registration
	 * form alike, and nothing is saved; each reading written their way is taken. (A
	 * Kuwaiti dinar's "567,125" is a decimal the currency has: above, kept.)
	 */
	@Test
	void aGermanRepsEuroAmountTypedAs1Comma500IsRefusedAsAmbiguousNamingTheAmount() throws Exception {
		var world = this.fixtures.world("Ambiguous Euro Amounts");
		var ae = reading(world.ae(), "de-DE");
		var refused = open(ae, world, "Euro deal ambiguous", "1,500", "EUR");
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains(
				"1,500 is ambiguous: write 1500 or 1.500 for the thousands, or 1,5 for the decimal (EUR has 2 decimals)",
				"value=\"1,500\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM opportunity WHERE name = 'Euro deal ambiguous'")
			.query(Long.class)
			.single()).isZero();
		open(ae, world, "Euro deal thousands", "1.500", "EUR");
		assertThat(amount("Euro deal thousands")).isEqualByComparingTo("1500");
		open(ae, world, "Euro deal decimal", "1,5", "EUR");
		assertThat(amount("Euro deal decimal")).isEqualByComparingTo("1.5");

		var partner = reading(world.partnerUser(), "de-DE");
		var registration = this.mvc
			.perform(post("/registrations").param("customerName", "Ambiguous Euro Customer")
				.param("customerNeed", "A confirmed need for the new line")
				.param("amount", "12,000")
				.param("currency", "EUR")
				.param("expectedCloseDate", "2027-02-26")
				.param("creditType", "SOURCED")
				.session(partner)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(registration.getStatus()).isEqualTo(400);
		assertThat(registration.getContentAsString()).contains("12,000 is ambiguous: write 12000 or 12.000");
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM deal_registration WHERE customer_name = 'Ambiguous Euro Customer'")
					.query(Long.class)
					.single())
			.isZero();
	}

	private MockHttpServletResponse open(MockHttpSession ae, Fixtures.World world, String name, String amount,
			String currency) throws Exception {
		return this.mvc
			.perform(post("/opportunities/new").param("accountId", String.valueOf(world.accountId()))
				.param("name", name)
				.param("amount", amount)
				.param("currency", currency)
				.param("stage", "QUALIFIED")
				.param("closeDate", "2027-02-26")
				.param("ownerId", String.valueOf(world.ae().userId()))
				.session(ae)
				.with(csrf()))
			.andReturn()
			.getResponse();
	}

	private BigDecimal amount(String dealName) {
		return this.jdbc.sql("SELECT amount FROM opportunity WHERE name = ?")
			.param(dealName)
			.query(BigDecimal.class)
			.single();
	}

	private long id(String dealName) {
		return this.jdbc.sql("SELECT id FROM opportunity WHERE name = ?").param(dealName).query(Long.class).single();
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
