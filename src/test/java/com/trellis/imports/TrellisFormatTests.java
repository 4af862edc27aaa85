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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Trellis CSV formats for partners, partner contacts and activity events: dry run
 * listing every bad row, all-or-nothing real run, idempotent re-import, role checked
 * before the file is read, and the partners list export importing unchanged.
 */
@TrellisTest
class TrellisFormatTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Viewer admin;

	Viewer pam;

	@BeforeEach
	void people() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.pam = this.fixtures.user(Role.PAM);
	}

	@Test
	void theWholePartnersExportReimportsWithoutErrorsOrChanges() throws Exception {
		long odd = this.fixtures.partner("=Formula, \"Quoted\" Partners", this.pam.userId());
		this.jdbc.sql("UPDATE partner SET verticals = '{Retail,Health}', web_domain = 'formula.example' WHERE id = ?")
			.param(odd)
			.update();
		var session = login(this.admin);
		var export = this.mvc.perform(get("/partners/export.csv").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(export).startsWith("\uFEFF").contains("\"'=Formula, \"\"Quoted\"\" Partners\"");
		long partners = this.fixtures.count("partner");
		importing("partners", export, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.rows").value(partners))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(partners));
	}

	@Test
	void aDryRunListsEveryBadPartnerRowAndTheRealRunWithOneBadRowWritesNothing() throws Exception {
		var csv = "\uFEFFsource_id;name;type;region;pam_email;tier;onboarded_on\r\n"
				+ "p-1;Northwind Integrators;SI;EMEA;" + this.fixtures.email(this.pam)
				+ ";TIER_2_EMERGING;2025-03-01\r\n" + "p-2;Bad Type Ltd;Wholesaler;EMEA;"
				+ this.fixtures.email(this.pam) + ";;2025-03-01\r\n" + "p-3;\"Multi\nLine\";SI;EMEA;"
				+ this.fixtures.email(this.pam) + ";;01.03.2025\r\n" + "p-1;Twice;SI;EMEA;"
				+ this.fixtures.email(this.pam) + ";;\r\n" + "p-5;No Pam Inc;SI;EMEA;nobody@nowhere.example;;\r\n";
		long before = this.fixtures.count("partner");
		importing("partners", csv, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(5))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 3: type")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 4: name")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 4: onboarded_on")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 5: source_id")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 6: pam_email")))
			.andExpect(jsonPath("$.created").value(1));
		importing("partners", csv, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 3: type")));
		assertThat(this.fixtures.count("partner")).isEqualTo(before);
	}

	@Test
	void partnersFromAnotherSystemAreCreatedOnceAndUpdatedByALaterFile() throws Exception {
		var pamEmail = this.fixtures.email(this.pam);
		var csv = "source_id,name,type,region,pam_email,verticals\n" + "crm-77,Contoso Partners,Reseller,APAC,"
				+ pamEmail + ",Retail;Banking\n";
		importing("partners", csv, false).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
		importing("partners", csv, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.unchanged").value(1));
		importing("partners", csv.replace("APAC", "EMEA"), false).andExpect(jsonPath("$.updated").value(1));
		var region = this.jdbc.sql("SELECT region FROM partner WHERE name = 'Contoso Partners'")
			.query(String.class)
			.list();
		assertThat(region).containsExactly("EMEA");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'partner' AND action = 'updated by import'"
					+ " AND entity_id IN (SELECT CAST(id AS TEXT) FROM partner WHERE name = 'Contoso Partners')")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void contactsBecomeDeactivatedPartnerUsersOnceAndAPamImportsOnlyForTheirBook() throws Exception {
		long own = this.fixtures.partner("Own Book Partner", this.pam.userId());
		long other = this.fixtures.partner("Other Book Partner", this.fixtures.user(Role.PAM).userId());
		var csv = "partner_id,email,name,job_role\n" + own + ",ana.contact@own.example,Ana Contact,Sales\n";
		importingAs(this.pam, "contacts", csv, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1));
		importingAs(this.pam, "contacts", csv, false).andExpect(jsonPath("$.unchanged").value(1));
		var enabled = this.jdbc
			.sql("SELECT enabled FROM app_user WHERE email = 'ana.contact@own.example' AND role = 'PARTNER'")
			.query(Boolean.class)
			.single();
		assertThat(enabled).isFalse();
		importingAs(this.pam, "contacts", "partner_id,email,name\n" + other + ",bo@other.example,Bo\n", true)
			.andExpect(jsonPath("$.errors[0].field").value("row 2: partner_id"))
			.andExpect(jsonPath("$.errors[0].message").value("'" + other + "' is not a partner of your book"));
		importingAs(this.pam, "contacts",
				"partner_id,email,name\n" + own + "," + this.fixtures.email(this.admin) + ",Admin\n", true)
			.andExpect(jsonPath("$.errors[0].field").value("row 2: email"));
	}

	@Test
	void activityEventsAreWrittenOncePerSourceIdAtTheirOwnTime() throws Exception {
		long partner = this.fixtures.partner("Signals Partner", this.pam.userId());
		var csv = "source_id,partner_id,type,occurred_at,detail\n" + "ev-1," + partner
				+ ",webinar_attended,2026-10-01T09:30:00Z,Q4 launch webinar\n" + "ev-2," + partner
				+ ",PORTAL_LOGIN,2026-10-02 08:00,\n";
		importing("activity", csv, false).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
		importing("activity", csv, false).andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
		assertThat(this.jdbc.sql("SELECT count(*) FROM activity_event WHERE partner_id = ?")
			.param(partner)
			.query(Long.class)
			.single()).isEqualTo(2);
		importing("activity", "source_id,partner_id,type,occurred_at\nev-9," + partner + ",LOGIN,2999-01-01\n", true)
			.andExpect(jsonPath("$.errors[0].field").value("row 2: occurred_at"));
		var stranger = this.fixtures.user(Role.PARTNER, this.fixtures.partner("Stranger Partner", this.pam.userId()),
				null);
		importing("activity",
				"source_id,partner_id,type,occurred_at,user_email\nev-10," + partner + ",PORTAL_LOGIN,2026-10-03,"
						+ this.fixtures.email(stranger) + "\n",
				true)
			.andExpect(jsonPath("$.errors[0].field").value("row 2: user_email"));
	}

	@Test
	void aPartnersContactsExportReimportsWithoutErrorsOrChangesAndIsNotAnotherPartnersToRead() throws Exception {
		var world = this.fixtures.world("Contact Export " + System.nanoTime());
		this.fixtures.user(Role.PARTNER, world.partnerId(), null);
		var other = this.fixtures.world("Contact Outsider " + System.nanoTime());
		var export = this.mvc
			.perform(get("/partners/" + world.partnerId() + "/contacts.csv").session(login(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(export).startsWith("\uFEFFpartner_id,email,name,job_role,state\r\n")
			.contains(this.fixtures.email(world.partnerUser()));
		importing("contacts", export, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.rows").value(2))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
		this.mvc.perform(get("/partners/" + world.partnerId() + "/contacts.csv").session(login(other.partnerUser())))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPamCannotImportPartnersWhateverTheFileSays() throws Exception {
		importingAs(this.pam, "partners", "not even csv \"", true).andExpect(status().isForbidden());
		importingAs(this.fixtures.user(Role.AE), "activity", "x", true).andExpect(status().isForbidden());
	}

	private ResultActions importing(String format, String csv, boolean dryRun) throws Exception {
		return importingAs(this.admin, format, csv, dryRun);
	}

	private ResultActions importingAs(Viewer viewer, String format, String csv, boolean dryRun) throws Exception {
		var token = this.fixtures.token(viewer);
		return this.mvc.perform(multipart("/api/v1/imports/trellis/" + format)
			.file(new MockMultipartFile("file", format + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + token));
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var login = this.mvc
			.perform(MockMvcRequestBuilders.post("/login")
				.param("username", this.fixtures.email(viewer))
				.param("password", "secret")
				.with(csrf()))
			.andReturn();
		return (MockHttpSession) login.getRequest().getSession(false);
	}

}
