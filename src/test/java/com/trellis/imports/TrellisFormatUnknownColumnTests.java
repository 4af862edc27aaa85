package com.trellis.imports;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A Trellis-format file with a column its format does not know (a typo such as
 * {@code web_domian}) is refused before any row is read, naming each such column and
 * listing the format's columns, in the dry run and the real run, API and page (fix83: the
 * column was ignored and the row answered unchanged or created without its value).
 */
@TrellisTest
class TrellisFormatUnknownColumnTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TrellisFormats formats;

	Viewer admin;

	@BeforeEach
	void people() {
		this.admin = this.fixtures.user(Role.ADMIN);
	}

	@Test
	void aTypoedColumnOfAKnownPartnerIsRefusedNamingItInTheDryRunAndTheRealRun() throws Exception {
		var world = this.fixtures.world("Unknown Column " + System.nanoTime());
		var name = this.jdbc.sql("SELECT name FROM partner WHERE id = :id")
			.param("id", world.partnerId())
			.query(String.class)
			.single();
		var csv = "id,name,type,region,web_domian\n" + world.partnerId() + "," + name + ",SI,EMEA,new-northwind.com\n";
		for (boolean dryRun : new boolean[] { true, false }) {
			importing(csv, dryRun).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(contains("header")))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("unknown column web_domian")))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("web_domain")))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("owner_pam_id")));
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner WHERE id = :id AND web_domain IS NULL")
			.param("id", world.partnerId())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aNewPartnerWithTypoedColumnsIsNotCreatedAndEachColumnIsNamed() throws Exception {
		var source = "typo-" + System.nanoTime();
		var csv = "source_id,name,type,region,tierr,web_domian,pam_email\n" + source + ",Typo Partner " + source
				+ ",SI,EMEA,TIER_1_STRATEGIC,typo.example," + this.fixtures.email(this.fixtures.user(Role.PAM)) + "\n";
		importing(csv, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("header", "header")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("unknown column tierr")))
			.andExpect(jsonPath("$.errors[1].message").value(containsString("unknown column web_domian")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner WHERE name = :name")
			.param("name", "Typo Partner " + source)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void everyFormatRefusesAColumnItDoesNotKnowAndTakesEveryColumnItLists() {
		for (var format : TrellisFormats.Format.values()) {
			var header = String.join(",", format.required()) + ",Bogus_Column";
			var refused = catchThrowableOfType(InvalidInputException.class,
					() -> this.formats.run(this.admin, format, header + "\n", true));
			assertThat(refused).as(format.code()).isNotNull();
			assertThat(refused.errors()).as(format.code()).singleElement().satisfies(error -> {
				assertThat(error.field()).isEqualTo("header");
				assertThat(error.message()).startsWith("unknown column Bogus_Column; the " + format.code()
						+ " format's columns are " + String.join(", ", format.columns()));
			});
			// every column the format lists is taken (the file has no rows, so nothing
			// else is asked)
			var all = String.join(",", format.columns());
			assertThat(this.formats.run(this.admin, format, all + "\n", true).errorCount()).as(format.code()).isZero();
		}
	}

	@Test
	void thePageShowsTheUnknownColumnOnTheForm() throws Exception {
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(this.admin);
		var csv = "source_id,name,type,region,web_domian\nx-1,Page Typo,SI,EMEA,typo.example\n";
		for (var action : new String[] { "check", "import" }) {
			this.mvc
				.perform(multipart("/imports/trellis")
					.file(new MockMultipartFile("file", "partners.csv", "text/csv",
							csv.getBytes(StandardCharsets.UTF_8)))
					.param("format", "partners")
					.param("action", action)
					.session(session)
					.with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("text/html"))
				.andExpect(content().string(containsString("unknown column web_domian")));
		}
	}

	private ResultActions importing(String csv, boolean dryRun) throws Exception {
		return this.mvc.perform(multipart("/api/v1/imports/trellis/partners")
			.file(new MockMultipartFile("file", "partners.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + this.fixtures.token(this.admin)));
	}

}
