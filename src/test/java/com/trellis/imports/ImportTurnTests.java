package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A real import while another real run holds its source's turn answers 409 at once on
 * every path (it used to wait 60 s for the lock and answer 500), and the page says so
 * with a link to the running import.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.imports.test-context=runs", "trellis.imports.stale-check=1h" })
class ImportTurnTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ImportUploads uploads;

	Viewer admin;

	Connection holder;

	@BeforeEach
	void admin() {
		this.admin = this.fixtures.user(Role.ADMIN);
	}

	@AfterEach
	void release() throws Exception {
		if (this.holder != null) {
			// a session lock outlives close(): the pool keeps the session, so it is
			// released first (it held every later test's import run in this JVM)
			try (var statement = this.holder.prepareStatement("SELECT pg_advisory_unlock_all()")) {
				statement.executeQuery().close();
			}
			this.holder.close();
		}
		this.jdbc.sql("UPDATE import_run SET status = 'FAILED' WHERE status = 'RUNNING'").update();
	}

	/** Another run (another session) holds the lock a real run of {@code key} takes. */
	private void hold(String key) throws Exception {
		this.holder = this.dataSource.getConnection();
		try (var statement = this.holder.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
			statement.setString(1, key);
			statement.executeQuery().close();
		}
	}

	@Test
	void salesforceRealRunWhileAnotherRunsAnswers409AtOnce() throws Exception {
		hold("import_record:SALESFORCE");
		this.mvc
			.perform(multipart("/api/v1/imports/salesforce")
				.file(new MockMultipartFile("Account", "Account.csv", "text/csv",
						"Id,Name\n001T1,Turn Co\n".getBytes(StandardCharsets.UTF_8)))
				.param("dryRun", "false")
				.header("Authorization", "Bearer " + this.fixtures.token(this.admin)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("import"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("another import is running")));
	}

	@Test
	void hubspotRealRunWhileAnotherRunsAnswers409AtOnce() throws Exception {
		hold("import_record:HUBSPOT");
		this.mvc
			.perform(multipart("/api/v1/imports/hubspot")
				.file(new MockMultipartFile("companies", "companies.csv", "text/csv",
						"Record ID,Company name\n7001,Turn Co\n".getBytes(StandardCharsets.UTF_8)))
				.param("dryRun", "false")
				.header("Authorization", "Bearer " + this.fixtures.token(this.admin)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("import"));
	}

	@Test
	void trellisFormatRealRunWhileAnotherRunsAnswers409AtOnceOnApiAndPage() throws Exception {
		hold("import_record:TRELLIS:ACCOUNTS");
		var csv = "source_id,name,domain\nturn-1,Turn Co,turn.example\n".getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(multipart("/api/v1/imports/trellis/accounts")
				.file(new MockMultipartFile("file", "accounts.csv", "text/csv", csv))
				.param("dryRun", "false")
				.header("Authorization", "Bearer " + this.fixtures.token(this.admin)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("import"));
		this.mvc
			.perform(multipart("/imports/trellis").file(new MockMultipartFile("file", "accounts.csv", "text/csv", csv))
				.param("format", "accounts")
				.param("action", "import")
				.session(login(this.admin))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("is running; wait until it has finished")));
	}

	@Test
	void pageImportAllRowsWhileAnotherRunsSaysSoAndLinksToIt() throws Exception {
		long upload = this.uploads.save("SALESFORCE", this.admin.userId(),
				Map.of("Account", ImportFile.of("Id,Name\n001T2,Turn Co\n")), java.time.Instant.now());
		long running = this.jdbc.sql("""
				INSERT INTO import_run (upload_id, source_system, started_by, dry_run, mapping, status, phase,
				                        started_at, heartbeat_at)
				VALUES (:upload, 'SALESFORCE', :user, FALSE, '{}', 'RUNNING', 'APPLYING', now(), now())
				RETURNING id
				""").param("upload", upload).param("user", this.admin.userId()).query(Long.class).single();
		this.mvc.perform(post("/imports/" + upload + "/run").session(login(this.admin)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Another import is running; wait until it has finished")))
			.andExpect(content().string(containsString("/imports/" + upload + "/runs/" + running)));
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
