package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Trellis account format: the accounts export imports unchanged, into this program
 * (by id) and as accounts of another system (by source id, created once), a changed row
 * updates its account with an audit entry and keeps the day it was created, every bad row
 * is named by row and column and a real run with one writes nothing, on the page as in
 * the API, and only a program admin imports accounts.
 */
@TrellisTest
class TrellisAccountFormatTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Viewer admin;

	Viewer ae;

	String prefix;

	long plain;

	@BeforeEach
	void accounts() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.ae = this.fixtures.user(Role.AE);
		this.prefix = "Acct" + System.nanoTime();
		this.plain = this.fixtures.account(this.prefix + " Plain", null, this.ae.userId());
		long odd = this.fixtures.account("=" + this.prefix + " Formula, \"Quoted\" Inc",
				"odd-" + this.prefix.toLowerCase() + ".example", this.ae.userId());
		this.jdbc.sql("UPDATE account SET industry = 'Retail', employee_band = '51-200', country = 'DE' WHERE id = ?")
			.param(odd)
			.update();
		// a domain stored before every path read domains bare: its row re-imports
		// unchanged
		this.fixtures.account("Zwolle Legacy Trading", "www.zwolle-legacy.example", this.ae.userId());
	}

	@Test
	void theWholeAccountsExportReimportsWithoutErrorsOrChanges() throws Exception {
		// a domain stored before every path read domains bare: its row re-imports
		// unchanged
		this.fixtures.account("Zwolle Legacy Trading", "www.zwolle-legacy.example", this.ae.userId());
		var export = apiExport("");
		assertThat(export).startsWith("\uFEFFid,name,web_domain,industry,employee_band,owner_ae_id,country\r\n")
			.contains("\"'=" + this.prefix + " Formula, \"\"Quoted\"\" Inc\"");
		long accounts = this.fixtures.count("account");
		long audit = this.fixtures.count("audit_entry");
		importing(export, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.rows").value(accounts))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(accounts));
		assertThat(this.fixtures.count("account")).isEqualTo(accounts);
		assertThat(this.fixtures.count("audit_entry")).isEqualTo(audit);
	}

	@Test
	void anExportImportedAsAnotherSystemsAccountsGivesTheSameAccountsOnceAndTwiceNothingNew() throws Exception {
		var lines = apiExport("?q=" + this.prefix).substring(1).split("\r\n");
		assertThat(lines).hasSize(3);
		var file = new StringBuilder(lines[0].replaceFirst("^id,", "source_id,")).append("\r\n");
		for (int i = 1; i < lines.length; i++) {
			file.append("other-").append(lines[i]).append("\r\n");
		}
		importing(file.toString(), false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.created").value(2));
		var after = apiExport("?q=" + this.prefix).substring(1).split("\r\n");
		assertThat(after).hasSize(5);
		assertThat(java.util.Arrays.stream(after).skip(1).map(l -> l.substring(l.indexOf(','))).toList())
			.containsExactlyInAnyOrder(withoutId(lines[1]), withoutId(lines[1]), withoutId(lines[2]),
					withoutId(lines[2]));
		importing(file.toString(), false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE name LIKE ?")
			.param("%" + this.prefix + "%")
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void aChangedRowUpdatesThatAccountWithAnAuditEntryKeepsItsCreationDayAndAgainChangesNothing() throws Exception {
		var created = createdAt(this.plain);
		var row = "id,name,web_domain,industry,owner_email\n" + this.plain + "," + this.prefix
				+ " Renamed,renamed.example,Health," + this.fixtures.email(this.ae) + "\n";
		importing(row, false).andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));
		importing(row, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(1));
		assertThat(this.jdbc.sql("SELECT name || ' ' || web_domain || ' ' || industry FROM account WHERE id = ?")
			.param(this.plain)
			.query(String.class)
			.single()).isEqualTo(this.prefix + " Renamed renamed.example Health");
		assertThat(createdAt(this.plain)).isEqualTo(created);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'account' AND entity_id = ?"
					+ " AND action = 'updated by import'")
			.param(String.valueOf(this.plain))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aDryRunNamesEveryBadAccountRowAndTheRealRunWithOneWritesNothing() throws Exception {
		var owner = this.fixtures.email(this.ae);
		var pam = this.fixtures.email(this.fixtures.user(Role.PAM));
		var csv = "\uFEFFsource_id;name;web_domain;employee_band;country;owner_email\r\n" + "a-1;" + this.prefix
				+ " Good;good.example;51-200;DE;" + owner + "\r\n" + "a-2;Bad Domain;http://bad;;;" + owner + "\r\n"
				+ "a-3;Bad Band;;50-100;;" + owner + "\r\n" + "a-4;Bad Country;;;Narnia;" + owner + "\r\n"
				+ "a-5;No Owner;;;;nobody@nowhere.example\r\n" + "a-6;Pam Owner;;;;" + pam + "\r\n" + "a-1;Twice;;;;"
				+ owner + "\r\n" + ";Neither Key;;;;" + owner + "\r\n";
		importing(csv, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(7))
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.errors[?(@.field == 'row 5: country')].message")
				.value(hasItem(containsString("(DEU or Germany also do)"))))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 3: web_domain")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 4: employee_band")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 5: country")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 6: owner_email")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 7: owner_email")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 8: source_id")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 9: id")));
		long accounts = this.fixtures.count("account");
		importing(csv, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 3: web_domain")));
		this.mvc
			.perform(multipart("/imports/trellis")
				.file(new MockMultipartFile("file", "accounts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("format", "accounts")
				.param("action", "import")
				.session(login(this.admin))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("row 4: employee_band")));
		assertThat(this.fixtures.count("account")).isEqualTo(accounts);
	}

	/**
	 * A country is read as the partner's account list and the CRM files read it: a code
	 * in any case, three letters or the English name (try71a: only the accounts format
	 * refused Germany and DEU).
	 */
	@Test
	void aCountryWrittenAsItsNameOrThreeLettersIsItsCode() throws Exception {
		var owner = this.fixtures.email(this.ae);
		var csv = "source_id,name,country,owner_email\n" + "c-1-" + this.prefix + "," + this.prefix + " Named,Germany,"
				+ owner + "\n" + "c-2-" + this.prefix + "," + this.prefix + " Three,fra," + owner + "\n";
		importing(csv, false).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
		assertThat(this.jdbc.sql("SELECT country FROM account WHERE name IN (?, ?) ORDER BY name")
			.params(this.prefix + " Named", this.prefix + " Three")
			.query(String.class)
			.list()).containsExactly("DE", "FR");
		importing(csv, true).andExpect(jsonPath("$.unchanged").value(2));
	}

	@Test
	void thePageExportsTheListAndImportsItBackForAnAdmin() throws Exception {
		var session = login(this.admin);
		var export = this.mvc.perform(get("/accounts/export.csv?q=" + this.prefix).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		var renamed = export.replace(this.prefix + " Plain", this.prefix + " Plain Renamed");
		this.mvc
			.perform(multipart("/imports/trellis")
				.file(new MockMultipartFile("file", "accounts.csv", "text/csv",
						renamed.getBytes(StandardCharsets.UTF_8)))
				.param("format", "accounts")
				.param("action", "import")
				.session(session)
				.with(csrf()))
			.andExpect(status().isOk());
		assertThat(
				this.jdbc.sql("SELECT name FROM account WHERE id = ?").param(this.plain).query(String.class).single())
			.isEqualTo(this.prefix + " Plain Renamed");
	}

	@Test
	void onlyAProgramAdminImportsAccountsWhateverTheFileSays() throws Exception {
		var world = this.fixtures.world("Account Import Outsider " + System.nanoTime());
		var csv = "id,name\n" + world.accountId() + ",Taken\n";
		importingAs(world.partnerUser(), csv, false).andExpect(status().isForbidden());
		importingAs(world.pam(), csv, false).andExpect(status().isForbidden());
		importingAs(world.ae(), csv, false).andExpect(status().isForbidden());
		importingAs(world.ae(), "not,a\nvalid\"file", true).andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/accounts/export.csv").header("Authorization",
					"Bearer " + this.fixtures.token(world.partnerUser())))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT name FROM account WHERE id = ?")
			.param(world.accountId())
			.query(String.class)
			.single()).isNotEqualTo("Taken");
	}

	private Instant createdAt(long account) {
		return this.jdbc.sql("SELECT created_at FROM account WHERE id = ?")
			.param(account)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private static String withoutId(String line) {
		return line.substring(line.indexOf(','));
	}

	private String apiExport(String query) throws Exception {
		return this.mvc
			.perform(get("/api/v1/accounts/export.csv" + query).header("Authorization",
					"Bearer " + this.fixtures.token(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var login = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) login.getRequest().getSession(false);
	}

	private ResultActions importing(String csv, boolean dryRun) throws Exception {
		return importingAs(this.admin, csv, dryRun);
	}

	private ResultActions importingAs(Viewer viewer, String csv, boolean dryRun) throws Exception {
		return this.mvc.perform(multipart("/api/v1/imports/trellis/accounts")
			.file(new MockMultipartFile("file", "accounts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + this.fixtures.token(viewer)));
	}

}
