package com.trellis.imports;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Enablement completions as a Trellis format: dry run listing every bad row,
 * all-or-nothing, idempotent by user, item and day or by source id, a PAM only for their
 * book.
 */
@TrellisTest
class TrellisCompletionFormatTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Viewer admin;

	Viewer pam;

	long partner;

	Viewer learner;

	@BeforeEach
	void people() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.pam = this.fixtures.user(Role.PAM);
		this.partner = this.fixtures.partner("Learning Partner", this.pam.userId());
		this.learner = this.fixtures.user(Role.PARTNER, this.partner, null);
		this.jdbc.sql("UPDATE app_user SET job_role = 'AE' WHERE id = ?").param(this.learner.userId()).update();
	}

	@Test
	void completionsImportOnceAndTheSameFileAgainChangesNothing() throws Exception {
		var email = this.fixtures.email(this.learner);
		var csv = "email,item,completed_on\n" + email + ",AE-101,2026-09-01\n" + email + ",ae-201,2026-09-15\n";
		importing(this.admin, csv, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.errorCount").value(0));
		assertThat(completions()).isZero();
		importing(this.admin, csv, false).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
		importing(this.admin, csv, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
		assertThat(completions()).isEqualTo(2);
	}

	@Test
	void aCompletionImportedWithASourceIdIsCorrectedByALaterFileInsteadOfAddedAgain() throws Exception {
		var csv = "source_id,user_id,item,completed_on\nlms-7," + this.learner.userId() + ",AE-101,2026-09-01\n";
		importing(this.admin, csv, false).andExpect(jsonPath("$.created").value(1));
		importing(this.admin, csv.replace("2026-09-01", "2026-09-03"), false).andExpect(status().isOk())
			.andExpect(jsonPath("$.updated").value(1));
		assertThat(this.jdbc.sql("SELECT completed_on::text FROM enablement_completion WHERE user_id = ?")
			.param(this.learner.userId())
			.query(String.class)
			.list()).containsExactly("2026-09-03");
	}

	@Test
	void aDryRunListsEveryBadCompletionRowAndTheRealRunWithOneBadRowWritesNothing() throws Exception {
		var email = this.fixtures.email(this.learner);
		var csv = "email;item;completed_on\r\n" + email + ";AE-101;2026-09-01\r\n"
				+ "nobody@nowhere.example;AE-101;2026-09-01\r\n" + email + ";NO-SUCH;2026-09-01\r\n" + email
				+ ";AE-201;01.09.2026\r\n" + email + ";AE-CERT;2999-01-01\r\n" + email + ";AE-101;2026-09-01\r\n";
		importing(this.admin, csv, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(5))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 3: email")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 4: item")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 5: completed_on")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 6: completed_on")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 7: completed_on")));
		importing(this.admin, csv, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 4: item")));
		assertThat(completions()).isZero();
	}

	@Test
	void aPamImportsCompletionsOnlyForUsersOfTheirBookAndAPartnerUserNotAtAll() throws Exception {
		var otherPartner = this.fixtures.partner("Other Learning Partner", this.fixtures.user(Role.PAM).userId());
		var stranger = this.fixtures.user(Role.PARTNER, otherPartner, null);
		importing(this.pam, "user_id,item,completed_on\n" + stranger.userId() + ",AE-101,2026-09-01\n", true)
			.andExpect(jsonPath("$.errors[0].field").value("row 2: user_id"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("'" + stranger.userId() + "' is not a user of a partner of your book"));
		importing(this.pam, "user_id,item,completed_on\n" + this.learner.userId() + ",AE-101,2026-09-01\n", false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1));
		importing(this.learner, "not even csv \"", true).andExpect(status().isForbidden());

		// another system's completion of the other book is not the PAM's to move to their
		// own user (try71a)
		var source = "lms-other-" + System.nanoTime();
		importing(this.admin,
				"source_id,user_id,item,completed_on\n" + source + "," + stranger.userId() + ",AE-101,2026-09-01\n",
				false)
			.andExpect(status().isOk());
		importing(this.pam,
				"source_id,user_id,item,completed_on\n" + source + "," + this.learner.userId() + ",AE-201,2026-09-02\n",
				false)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("row 2: source_id"));
		assertThat(this.fixtures.count("enablement_completion WHERE user_id = " + stranger.userId())).isOne();
	}

	@Test
	void aPartnersCompletionsExportReimportsWithoutErrorsOrChangesAndIsNotAnotherPartnersToRead() throws Exception {
		var email = this.fixtures.email(this.learner);
		importing(this.admin,
				"email,item,completed_on\n" + email + ",AE-101,2026-09-01\n" + email + ",AE-201,2026-09-15\n", false)
			.andExpect(status().isOk());
		var export = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/partners/" + this.partner + "/enablement/completions.csv")
				.session(login(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(export).startsWith("\uFEFFid,user_id,email,item,completed_on\r\n")
			.contains("," + this.learner.userId() + "," + email + ",AE-101,2026-09-01\r\n");
		importing(this.admin, export, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.rows").value(2))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
		assertThat(completions()).isEqualTo(2);
		var outsider = this.fixtures.world("Completions Outsider " + System.nanoTime());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/partners/" + this.partner + "/enablement/completions.csv")
				.session(login(outsider.partnerUser())))
			.andExpect(status().isNotFound());
	}

	private org.springframework.mock.web.MockHttpSession login(Viewer viewer) throws Exception {
		var login = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
				.param("username", this.fixtures.email(viewer))
				.param("password", "secret")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn();
		return (org.springframework.mock.web.MockHttpSession) login.getRequest().getSession(false);
	}

	private long completions() {
		return this.jdbc.sql("SELECT count(*) FROM enablement_completion WHERE user_id = ?")
			.param(this.learner.userId())
			.query(Long.class)
			.single();
	}

	private ResultActions importing(Viewer viewer, String csv, boolean dryRun) throws Exception {
		return this.mvc.perform(multipart("/api/v1/imports/trellis/completions")
			.file(new MockMultipartFile("file", "completions.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + this.fixtures.token(viewer)));
	}

}
