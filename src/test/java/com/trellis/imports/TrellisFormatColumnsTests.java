package com.trellis.imports;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The formats page says which columns each format it offers requires, from the formats'
 * own lists, instead of pointing its users at a repository file (try41): an admin sees
 * all eight, a PAM the five a PAM imports.
 */
@TrellisTest
class TrellisFormatColumnsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TrellisFormats formats;

	@Test
	void eachOfferedFormatIsListedWithTheColumnsItRequires() throws Exception {
		var admin = page(this.fixtures.user(Role.ADMIN));
		assertThat(admin).doesNotContain("docs/import.md").contains("id=\"format-columns\"");
		for (var format : TrellisFormats.Format.values()) {
			assertThat(admin).contains("<code>" + String.join(", ", format.required()) + "</code>");
		}
		assertThat(admin).contains("<code>name, type, region</code>")
			// every other column a format takes (fix83: a column not listed refuses the
			// file)
			.contains("<code>web_domain, verticals, capabilities, onboarded_on, lifecycle_status, tier</code>")
			.contains("a column not listed here (a typo) refuses the file");

		var world = this.fixtures.world("Format columns partner");
		var pam = page(world.pam());
		assertThat(pam).contains("<code>" + String.join(", ", TrellisFormats.Format.CONTACTS.required()) + "</code>")
			.doesNotContain("<code>name, type, region</code>")
			// worded for the formats a PAM imports (try43: the admin's text named
			// partners,
			// deals and accounts)
			.contains("of the partners of your book")
			.doesNotContain("Partners, partner contacts");
	}

	/**
	 * A file with the required columns alone is refused for each group of which one
	 * column must be filled, and the page lists exactly those groups (try43: a file with
	 * the listed columns failed the check in every format); the error reads "empty: id or
	 * source_id is required", not "'' or source_id is required".
	 */
	@Test
	void theGroupsListedAreThoseTheRowsAskFor() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var asked = java.util.regex.Pattern.compile("^empty: ([a-z_]+(?: or [a-z_]+)+) is required");
		for (var format : TrellisFormats.Format.values()) {
			var header = String.join(",", format.required());
			var row = String.join(",", java.util.Collections.nCopies(format.required().size(), "x"));
			var report = this.formats.run(admin, format, header + "\n" + row + "\n", true);
			var groups = report.errors()
				.stream()
				.map(e -> asked.matcher(e.message()))
				.filter(java.util.regex.Matcher::find)
				.map(m -> java.util.List.of(m.group(1).split(" or ")))
				.toList();
			assertThat(groups).as(format.code() + ": " + report.errors()).isNotEmpty();
			assertThat(format.oneOf()).as(format.code()).containsAll(groups);
			assertThat(report.errors()).extracting(e -> e.message()).noneMatch(m -> m.startsWith("'' or"));
		}
		var page = page(admin);
		assertThat(page).contains("<code>id | source_id</code>").contains("<code>owner_pam_id | pam_email</code>");
	}

	private String page(Viewer viewer) throws Exception {
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(viewer);
		return this.mvc.perform(get("/imports/trellis").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
