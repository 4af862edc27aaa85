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

	@Test
	void eachOfferedFormatIsListedWithTheColumnsItRequires() throws Exception {
		var admin = page(this.fixtures.user(Role.ADMIN));
		assertThat(admin).doesNotContain("docs/import.md").contains("id=\"format-columns\"");
		for (var format : TrellisFormats.Format.values()) {
			assertThat(admin).contains("<code>" + String.join(", ", format.required()) + "</code>");
		}
		assertThat(admin).contains("<code>name, type, region</code>");

		var world = this.fixtures.world("Format columns partner");
		var pam = page(world.pam());
		assertThat(pam).contains("<code>" + String.join(", ", TrellisFormats.Format.CONTACTS.required()) + "</code>")
			.doesNotContain("<code>name, type, region</code>");
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
