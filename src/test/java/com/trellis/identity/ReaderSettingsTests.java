package com.trellis.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Stream;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
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
 * A user's locale and time zone are settings of their profile (issue 13 item 9): pages
 * write numbers in the reader's locale and moments in the reader's zone; without a choice
 * they read as the program's (en-US, the business zone).
 */
@TrellisTest
class ReaderSettingsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAeWhoChoseGermanAndTokyoReadsTheDealInBothWhileTheirPamReadsTheProgramsWay() throws Exception {
		var world = this.fixtures.world("Read Abroad");
		this.jdbc.sql("""
				INSERT INTO opportunity_stage_change (opportunity_id, from_stage, to_stage, changed_by, changed_at)
				VALUES (?, 'REGISTERED', 'QUALIFIED', NULL, ?)
				""").params(world.dealId(), Timestamp.from(Instant.parse("2026-11-30T20:30:00Z"))).update();
		var ae = login(world.ae());
		this.mvc
			.perform(post("/profile/reading").param("locale", "de-DE")
				.param("timeZone", "Asia/Tokyo")
				.session(ae)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		var read = page(ae, "/opportunities/" + world.dealId());
		assertThat(read).contains("USD 125.000,00").contains("2026-12-01").doesNotContain("125,000.00");
		var pam = page(login(world.pam()), "/opportunities/" + world.dealId());
		assertThat(pam).contains("USD 125,000.00").contains("2026-11-30").doesNotContain("2026-12-01");
		assertThat(page(ae, "/profile")).contains("<option value=\"Asia/Tokyo\" selected=\"selected\"");
	}

	@Test
	void aReaderInGermanReadsEveryFieldMessageOfOneAnswerInOneLanguage() throws Exception {
		var user = this.fixtures.user(Role.ADMIN);
		var api = new Api(this.mvc, this.fixtures.token(user));
		api.put("/api/v1/me/reading", "{\"locale\":\"de-DE\",\"timeZone\":\"Europe/Berlin\"}")
			.andExpect(status().isOk());
		var body = api.post("/api/v1/accounts", "{\"name\": \"\", \"employeeBand\": \"abc\"}")
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).contains("\"field\":\"name\"").doesNotContain("darf nicht").doesNotContain("muss");
	}

	@Test
	void anUnknownLocaleOrZoneIsRefusedByFieldAndChangesNothing() throws Exception {
		var user = this.fixtures.user(Role.AE);
		var api = new Api(this.mvc, this.fixtures.token(user));
		api.put("/api/v1/me/reading", "{\"locale\":\"en-GB\",\"timeZone\":\"Europe/London\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.locale").value("en-GB"));

		api.put("/api/v1/me/reading", "{\"locale\":\"xx-YY\",\"timeZone\":\"Mars/Olympus\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'locale')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'timeZone')]").exists());
		// a real zone pages do not offer is told so, with the region to choose (try51)
		api.put("/api/v1/me/reading", "{\"timeZone\":\"Etc/GMT-14\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timeZone"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.containsString("is a time zone name, but pages offer the region names")));
		api.put("/api/v1/me/reading", "{\"timeZone\":\"" + "x".repeat(500) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timeZone"));
		this.mvc
			.perform(post("/profile/reading").param("locale", "en-GB")
				.param("timeZone", "Nowhere/Town")
				.session(login(user))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		api.get("/api/v1/me/reading")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.locale").value("en-GB"))
			.andExpect(jsonPath("$.timeZone").value("Europe/London"));
	}

	@Test
	void everyPageWritesDatesThroughTheOneFormatInTheReadersZone() throws Exception {
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			var offenders = templates.filter(p -> p.toString().endsWith(".html")).filter(p -> {
				try {
					var text = Files.readString(p);
					return text.contains("#temporals.format") || text.contains("#dates.format");
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).map(Path::toString).toList();
			assertThat(offenders).as("templates formatting dates themselves instead of @figures.date/moment").isEmpty();
		}
	}

	private String page(MockHttpSession session, String path) throws Exception {
		var response = this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
