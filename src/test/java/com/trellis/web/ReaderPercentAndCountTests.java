package com.trellis.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Stream;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Percentages and counts read in the reader's locale, in one format on every page (issue
 * 13 items 8 and 9): "20,0 %" for a reader in de-DE, "20.0 %" for one in en-US, never
 * "20.00%" beside "100.0 %", and a count of rows grouped as the reader groups.
 */
@TrellisTest
class ReaderPercentAndCountTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReaderInGermanReadsTheDealsCreditAndThePipelineShareInOneGermanFormat() throws Exception {
		var world = this.fixtures.world("Percent Abroad");
		var ae = login(world.ae());
		readsGerman(ae);

		var deal = page(ae, "/opportunities/" + world.dealId());
		assertThat(deal).contains("20,0 %").doesNotContain("20.00%").doesNotContain("20.0 %");
		var home = page(ae, "/");
		assertThat(home).contains("100,0 %").doesNotContain("100.0 %");
		var pam = page(login(world.pam()), "/opportunities/" + world.dealId());
		assertThat(pam).contains("20.0 %").doesNotContain("20.00%");
	}

	@Test
	void anImportRunsRowCountsAreGroupedAsTheReaderGroups() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var now = Timestamp.from(Instant.parse("2026-11-30T10:00:00Z"));
		long upload = this.jdbc.sql(
				"INSERT INTO import_upload (source_system, uploaded_by, uploaded_at) VALUES ('HUBSPOT', ?, ?) RETURNING id")
			.params(admin.userId(), now)
			.query(Long.class)
			.single();
		long run = this.jdbc.sql("""
				INSERT INTO import_run (upload_id, source_system, started_by, status, phase, rows_read, rows_validated,
				                        rows_applied, started_at, heartbeat_at, finished_at)
				VALUES (?, 'HUBSPOT', ?, 'SUCCEEDED', 'done', 1234567, 1234500, 1200000, ?, ?, ?) RETURNING id
				""").params(upload, admin.userId(), now, now, now).query(Long.class).single();
		var session = login(admin);
		assertThat(page(session, "/imports/" + upload + "/runs/" + run)).contains("1,234,567").contains("1,200,000");

		readsGerman(session);
		assertThat(page(session, "/imports/" + upload + "/runs/" + run)).contains("1.234.567")
			.contains("1.200.000")
			.doesNotContain("1,234,567");
	}

	@Test
	void everyPageNamesTheReadersLanguageSoThatChartsFormatTheirAxesAsTheReaderReads() throws Exception {
		var world = this.fixtures.world("Chart Abroad");
		var pam = login(world.pam());
		assertThat(page(pam, "/partners/" + world.partnerId() + "/scorecard")).contains("<html lang=\"en-US\"");
		readsGerman(pam);
		assertThat(page(pam, "/partners/" + world.partnerId() + "/scorecard")).contains("<html lang=\"de-DE\"");
		assertThat(Files.readString(Path.of("src/main/resources/static/js/trellis.js")))
			.as("the charts take their number and date format from the page's language")
			.contains("locale: document.documentElement.lang");
	}

	@Test
	void noTemplateGroupsNumbersOrWritesAPercentSignItself() throws Exception {
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			var offenders = templates.filter(p -> p.toString().endsWith(".html")).filter(p -> {
				try {
					var text = Files.readString(p);
					return text.contains("'COMMA'") || text.contains("'POINT'") || text.contains("'WHITESPACE'")
							|| text.contains("+ '%") || text.contains("'% ");
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).map(Path::toString).toList();
			assertThat(offenders).as("templates formatting numbers or percentages instead of @figures/@percent")
				.isEmpty();
		}
	}

	private void readsGerman(MockHttpSession session) throws Exception {
		this.mvc
			.perform(post("/profile/reading").param("locale", "de-DE")
				.param("timeZone", "Europe/Berlin")
				.session(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
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
