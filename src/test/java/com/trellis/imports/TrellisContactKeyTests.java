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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The contacts format's key is the e-mail, unique in any case among all users: an address
 * twice in one file (the same, in another case, or for two partners) and one held by a
 * user of another partner or a vendor user are named by row in the dry run and the real
 * run, never an unnamed 409 at the write (fix83); a write the database still refuses is
 * the row's import error, and the page shows it on the form.
 */
@TrellisTest
class TrellisContactKeyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Viewer admin;

	@BeforeEach
	void people() {
		this.admin = this.fixtures.user(Role.ADMIN);
	}

	@Test
	void anAddressTwiceInTheFileInAnyCaseOrForTwoPartnersIsNamedByRowInTheDryRunAndTheRealRun() throws Exception {
		var one = this.fixtures.world("Contact Keys One " + System.nanoTime());
		var two = this.fixtures.world("Contact Keys Two " + System.nanoTime());
		var n = System.nanoTime();
		var csv = "email,name,partner_id\n" + "exactdup" + n + "@x.com,A," + one.partnerId() + "\n" + "exactdup" + n
				+ "@x.com,A," + one.partnerId() + "\n" + "casedup" + n + "@x.com,B," + one.partnerId() + "\n"
				+ "CASEDUP" + n + "@X.COM,B," + one.partnerId() + "\n" + "split" + n + "@x-corp.com,C,"
				+ one.partnerId() + "\n" + "split" + n + "@x-corp.com,C," + two.partnerId() + "\n";
		for (boolean dryRun : new boolean[] { true, false }) {
			var answer = importing(csv, dryRun);
			if (dryRun) {
				answer.andExpect(status().isOk()).andExpect(jsonPath("$.errorCount").value(3));
			}
			else {
				answer.andExpect(status().isBadRequest());
			}
			answer
				.andExpect(jsonPath("$.errors[*].field")
					.value(containsInAnyOrder("row 3: email", "row 5: email", "row 7: email")))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("appears twice in the file (row 2)")))
				.andExpect(jsonPath("$.errors[1].message").value(containsString("appears twice in the file (row 4)")))
				.andExpect(jsonPath("$.errors[2].message").value(containsString("appears twice in the file (row 6)")));
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM app_user WHERE email ILIKE :pattern")
			.param("pattern", "%" + n + "@%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anAddressOfAnotherPartnersUserOrAVendorUserInAnyCaseIsNamedByRow() throws Exception {
		var one = this.fixtures.world("Contact Holders One " + System.nanoTime());
		var two = this.fixtures.world("Contact Holders Two " + System.nanoTime());
		var other = this.fixtures.email(two.partnerUser()).toUpperCase(java.util.Locale.ROOT);
		var vendor = this.fixtures.email(one.ae()).toUpperCase(java.util.Locale.ROOT);
		var csv = "email,name,partner_id\n" + other + ",Other," + one.partnerId() + "\n" + vendor + ",Vendor,"
				+ one.partnerId() + "\n";
		importing(csv, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("row 2: email"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("belongs to a user of another partner")))
			.andExpect(jsonPath("$.errors[1].field").value("row 3: email"))
			.andExpect(jsonPath("$.errors[1].message").value(containsString("belongs to a vendor user")));
		importing(csv, false).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));
	}

	@Test
	void theImportPageShowsARepeatedAddressOnTheFormNotAProblemDetail() throws Exception {
		var world = this.fixtures.world("Contact Keys Page " + System.nanoTime());
		var n = System.nanoTime();
		var csv = "email,name,partner_id\npage" + n + "@x.com,A," + world.partnerId() + "\nPAGE" + n + "@x.com,A,"
				+ world.partnerId() + "\n";
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(this.admin);
		this.mvc
			.perform(multipart("/imports/trellis")
				.file(new MockMultipartFile("file", "contacts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("format", "contacts")
				.param("action", "import")
				.session(session)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("row 3: email")))
			.andExpect(content().string(containsString("appears twice in the file (row 2)")))
			.andExpect(content().string(not(containsString("conflicts with the current state"))));
	}

	/**
	 * A write the database refuses all the same (a row saved by someone else between the
	 * check and the write) names the row it was planned from, as an import error.
	 */
	@Test
	void aWriteTheDatabaseRefusesIsTheRowsImportError() {
		var file = com.trellis.shared.CsvImport.read("email,name\na@x.com,A\nb@x.com,B\n", java.util.List.of("email"));
		var plan = new FormatPlan();
		plan.next(file.rows().get(0));
		plan.create(() -> {
		});
		plan.next(file.rows().get(1));
		plan.create(() -> {
			throw new DataIntegrityViolationException("duplicate key value violates unique constraint");
		});
		var refused = catchThrowableOfType(InvalidInputException.class, plan::write);
		assertThat(refused.errors()).singleElement().satisfies(error -> {
			assertThat(error.field()).isEqualTo("row 3");
			assertThat(error.message()).contains("could not be written").contains("nothing was imported");
		});
	}

	@Test
	void aRuleAskedAgainAtTheWriteIsNamedByItsRow() {
		var file = com.trellis.shared.CsvImport.read("email,name\na@x.com,A\n", java.util.List.of("email"));
		var plan = new FormatPlan();
		plan.next(file.rows().get(0));
		plan.update(() -> {
			throw InvalidInputException.of("name", "is taken");
		});
		var refused = catchThrowableOfType(InvalidInputException.class, plan::write);
		assertThat(refused.errors()).extracting(e -> e.field() + "=" + e.message())
			.containsExactly("row 2: name=is taken");
	}

	private ResultActions importing(String csv, boolean dryRun) throws Exception {
		return this.mvc.perform(multipart("/api/v1/imports/trellis/contacts")
			.file(new MockMultipartFile("file", "contacts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + this.fixtures.token(this.admin)));
	}

}
