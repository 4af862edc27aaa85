package com.trellis.web;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Items 6 and 7 of issue 10: the values the API refuses are refused on the page forms
 * too, each with the field named, and nothing is written on either path.
 */
@TrellisTest
class InputValidationTests {

	private static final String MEGABYTE = "x".repeat(1_000_000);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registrationsRefuseBadValuesOnTheApiAndTheFormAlike() throws Exception {
		var world = this.fixtures.world("Validation Partners");
		var api = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var session = login(world.partnerUser());
		Map<String, String[]> cases = Map.ofEntries(Map.entry("customerName", new String[] { MEGABYTE }),
				Map.entry("amount",
						new String[] { "-5", "0", "0.001", "1e25", "1.0123456789", "99999999999999999.00" }),
				// a fund and a withdrawn code are no currencies; usd is read as USD
				// (CurrencyInputPathsTests)
				Map.entry("currency", new String[] { "Z1", "XXX", "XTS", "ZZZ", "SEK", "CLF", "ZWD" }),
				Map.entry("expectedCloseDate", new String[] { "0001-01-01", "9999-12-31" }),
				Map.entry("customerNeed", new String[] { MEGABYTE }));
		long before = this.fixtures.count("deal_registration");
		for (var entry : cases.entrySet()) {
			for (var value : entry.getValue()) {
				var form = registration(entry.getKey(), value);
				api.post("/api/v1/registrations", json(form))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[0].field").value(entry.getKey()));
				var page = this.mvc.perform(pageForm(post("/registrations"), session, form))
					.andExpect(status().isBadRequest())
					.andReturn();
				assertThat(errors(page)).as(entry.getKey() + "=" + abbreviate(value)).containsKey(entry.getKey());
				assertThat(page.getResponse().getContentAsString()).contains("aria-invalid=\"true\"");
			}
		}
		for (var name : new String[] { "Acme\u0000Corp", "Acme\u202Eprc", "Acme\r\nCorp" }) {
			var form = registration("customerName", name);
			api.post("/api/v1/registrations", json(form))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("customerName"));
			var page = this.mvc.perform(pageForm(post("/registrations"), session, form)).andReturn();
			assertThat(errors(page)).containsKey("customerName");
		}
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before);
	}

	@Test
	void leadsRefuseLongTextsAndControlCharactersOnTheApiAndTheForm() throws Exception {
		var world = this.fixtures.world("Lead Validation Partners");
		var api = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var session = login(world.partnerUser());
		long before = this.fixtures.count("partner_lead");
		for (var bad : new String[][] { { "note", MEGABYTE }, { "companyName", MEGABYTE },
				{ "companyName", "Evil\u202Etxt.exe" }, { "contactName", "Ann\nSmith" } }) {
			var form = lead(bad[0], bad[1]);
			api.post("/api/v1/leads", json(form))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(bad[0]));
			var page = this.mvc.perform(pageForm(post("/leads"), session, form))
				.andExpect(status().is3xxRedirection())
				.andReturn();
			assertThat(flashErrors(page)).as(bad[0]).containsKey(bad[0]);
		}
		assertThat(this.fixtures.count("partner_lead")).isEqualTo(before);
		var note = lead("note", "Met at the fair.\nWants a demo in May.");
		api.post("/api/v1/leads", json(note)).andExpect(status().isCreated());
	}

	@Test
	void mdfRequestsRefuseBadCurrenciesAndTextsAndClaimsRefuseFractionsOfACent() throws Exception {
		var world = this.fixtures.world("MDF Validation Partners");
		var api = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var session = login(world.partnerUser());
		long requests = this.fixtures.count("mdf_request");
		for (var bad : new String[][] { { "currency", "BOV" }, { "currency", "Z1" }, { "currency", "XTS" },
				{ "activity", MEGABYTE }, { "cost", "0.001" }, { "cost", "-5" } }) {
			var form = mdf(bad[0], bad[1]);
			api.post("/api/v1/partners/" + world.partnerId() + "/mdf-requests", json(form))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(bad[0]));
			var page = this.mvc
				.perform(pageForm(post("/partners/" + world.partnerId() + "/mdf-requests"), session, form))
				.andExpect(status().is3xxRedirection())
				.andReturn();
			assertThat(flashErrors(page)).as(bad[0]).containsKey(bad[0]);
		}
		assertThat(this.fixtures.count("mdf_request")).isEqualTo(requests);

		long approved = approvedRequest(world.partnerId(), world.partnerUser());
		long claims = this.fixtures.count("mdf_claim");
		api.post("/api/v1/mdf-requests/" + approved + "/claims", "{\"amount\": 0.004, \"proof\": \"invoice 9\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		var page = this.mvc
			.perform(post("/partners/" + world.partnerId() + "/mdf-requests/" + approved + "/claims").session(session)
				.with(csrf())
				.param("amount", "0.004")
				.param("proof", "invoice 9"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(flashErrors(page)).containsKey("amount");
		// shown beside this request's claim form alone, with what was typed (the earlier
		// refusals' flash maps, never read, are dropped so that this one is shown)
		approvedRequest(world.partnerId(), world.partnerUser());
		session.removeAttribute(
				org.springframework.web.servlet.support.SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
		var shown = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/partners/" + world.partnerId() + "/incentives")
				.session(session)
				.flashAttrs(page.getFlashMap()))
			.andReturn()
			.getResponse();
		shown.setCharacterEncoding("UTF-8");
		var html = shown.getContentAsString();
		assertThat(html).contains("value=\"invoice 9\"", "value=\"0.004\"");
		assertThat(org.springframework.util.StringUtils.countOccurrencesOf(html,
				">" + org.springframework.web.util.HtmlUtils.htmlEscape(flashErrors(page).get("amount")) + "</small>"))
			.isEqualTo(1);
		api.post("/api/v1/mdf-requests/" + approved + "/claims", "{\"amount\": 5, \"proof\": \"" + MEGABYTE + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("proof"));
		assertThat(this.fixtures.count("mdf_claim")).isEqualTo(claims);
	}

	@Test
	void theStageFormRefusesANegativeNormAndAnEmptyNameAndChangesNothing() throws Exception {
		var session = login(this.fixtures.user(Role.ADMIN));
		var stages = this.jdbc.sql("SELECT name || ':' || norm_days FROM stage_definition ORDER BY code")
			.query(String.class)
			.list();
		for (var bad : new String[][] { { "normDays", "-5" }, { "name", "" }, { "name", "Qualify\u202E" } }) {
			var form = new java.util.LinkedHashMap<String, String>(
					Map.of("name", "Qualify", "ownerRole", "AE", "exitCriterion", "Budget and need confirmed",
							"checklist", "Budget confirmed", "normDays", "20", "active", "true"));
			form.put(bad[0], bad[1]);
			var request = pageForm(post("/process/stages/QUALIFIED"), session, form);
			var page = this.mvc.perform(request).andExpect(status().isBadRequest()).andReturn();
			assertThat(page.getResponse().getContentAsString()).as(bad[0])
				.containsIgnoringCase("nothing was saved")
				.contains("<small class=\"error\"");
		}
		assertThat(this.jdbc.sql("SELECT name || ':' || norm_days FROM stage_definition ORDER BY code")
			.query(String.class)
			.list()).isEqualTo(stages);
	}

	@Test
	void aPageParameterThatCannotBeReadAnswersTheBadRequestPageWithTheFieldAndAWayBack() throws Exception {
		var session = login(this.fixtures.user(Role.ADMIN));
		var page = this.mvc
			.perform(post("/process/stages/QUALIFIED").session(session)
				.with(csrf())
				.param("name", "Qualify")
				.param("ownerRole", "AE")
				.param("exitCriterion", "Budget confirmed")
				.param("normDays", "abc"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the stage form answers in place: the field named next to it, inside the layout
		assertThat(page).containsIgnoringCase("nothing was saved").contains("normDays", "Sign out", "pico.min.css");
	}

	@Test
	void dealsAndPartnersRefuseDatesOutsideTheBusinessWindowAndCurrenciesWithoutARate() throws Exception {
		var world = this.fixtures.world("Date Validation Partners");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		long deals = this.fixtures.count("opportunity");
		for (var bad : new String[][] { { "closeDate", "\"0001-01-01\"" }, { "closeDate", "\"9999-12-31\"" },
				{ "currency", "\"XXX\"" }, { "currency", "\"SEK\"" }, { "amount", "99999999999999999.00" },
				{ "name", "\"" + MEGABYTE + "\"" } }) {
			var body = new java.util.LinkedHashMap<String, String>(Map.of("accountId",
					String.valueOf(world.accountId()), "name", "\"Validated deal\"", "amount", "1000", "currency",
					"\"USD\"", "stage", "\"QUALIFIED\"", "closeDate", "\"2027-03-31\"", "source", "\"DIRECT\""));
			body.put(bad[0], bad[1]);
			ae.post("/api/v1/opportunities", rawJson(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(bad[0]));
		}
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);

		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		long partners = this.fixtures.count("partner");
		admin
			.post("/api/v1/partners",
					"{\"name\":\"Year One\",\"type\":\"SI\",\"region\":\"EMEA\","
							+ "\"onboardedOn\":\"0001-01-01\",\"ownerPamId\":" + world.pam().userId()
							+ ",\"tier\":\"TIER_3_BASELINE\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("onboardedOn"));
		assertThat(this.fixtures.count("partner")).isEqualTo(partners);
	}

	private static Map<String, String> registration(String field, String value) {
		var form = new java.util.LinkedHashMap<String, String>();
		form.put("customerName", "Validated Customer Ltd");
		form.put("customerDomain", "validated-customer.com");
		form.put("customerNeed", "Replace the order system");
		form.put("amount", "48000.00");
		form.put("currency", "USD");
		form.put("expectedCloseDate", "2027-04-30");
		form.put("creditType", "SOURCED");
		form.put(field, value);
		return form;
	}

	private static Map<String, String> lead(String field, String value) {
		var form = new java.util.LinkedHashMap<String, String>();
		form.put("companyName", "Lead Validated Co");
		form.put("contactName", "Ann Smith");
		form.put("contactEmail", "ann@lead-validated.example");
		form.put("note", "Wants a demo");
		form.put(field, value);
		return form;
	}

	private static Map<String, String> mdf(String field, String value) {
		var form = new java.util.LinkedHashMap<String, String>();
		form.put("activity", "Joint webinar");
		form.put("cost", "1000.00");
		form.put("currency", "EUR");
		form.put("expectedPipeline", "50000");
		form.put("partnerInvestment", "200");
		form.put(field, value);
		return form;
	}

	private long approvedRequest(long partnerId, Viewer partnerUser) {
		return this.jdbc.sql("""
				INSERT INTO mdf_request (partner_id, activity, cost, currency, expected_pipeline, partner_investment,
				                         status, approved_amount, requested_by, requested_at)
				VALUES (:partner, 'Trade fair', 100, 'EUR', 1000, 0, 'APPROVED', 100, :by, :now) RETURNING id
				""")
			.param("partner", partnerId)
			.param("by", partnerUser.userId())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	/** JSON of the form: numbers stay numbers, everything else is a string. */
	private static String json(Map<String, String> form) {
		var body = new java.util.LinkedHashMap<String, String>();
		form.forEach((key, value) -> body.put(key, isNumber(value) ? value : quoted(value)));
		return rawJson(body);
	}

	private static String rawJson(Map<String, String> body) {
		var json = new StringBuilder("{");
		body.forEach((key, value) -> json.append(json.length() > 1 ? "," : "")
			.append('"')
			.append(key)
			.append("\":")
			.append(value));
		return json.append('}').toString();
	}

	private static boolean isNumber(String value) {
		try {
			new BigDecimal(value);
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static String quoted(String value) {
		var out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c == 0x202E) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	private static MockHttpServletRequestBuilder pageForm(MockHttpServletRequestBuilder request,
			MockHttpSession session, Map<String, String> form) {
		request.session(session).with(csrf());
		form.forEach(request::param);
		return request;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> errors(MvcResult page) {
		var errors = page.getModelAndView().getModel().get("errors");
		if (errors instanceof java.util.List<?> refused) {
			// refused before the form bound (a NUL anywhere in the request): the 400 page
			return ((java.util.List<com.trellis.shared.InvalidInputException.FieldError>) refused).stream()
				.collect(java.util.stream.Collectors.toMap(e -> e.field(), e -> e.message(), (a, b) -> a));
		}
		return errors == null ? Map.of() : (Map<String, String>) errors;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> flashErrors(MvcResult page) {
		var errors = page.getFlashMap().get("fieldErrors");
		return errors == null ? Map.of() : (Map<String, String>) errors;
	}

	private static String abbreviate(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
