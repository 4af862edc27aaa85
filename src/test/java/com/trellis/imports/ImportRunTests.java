package com.trellis.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.CsvImport;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The real run of an export as a background job: durable status with progress, all or
 * nothing, one at a time, and a run whose instance stopped is marked failed.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.imports.test-context=runs", "trellis.imports.stale-check=1h" })
class ImportRunTests {

	private static final String RUNS = "/api/v1/imports/salesforce/runs";

	private static final List<String> FILES = List.of("Account", "User", "Opportunity", "OpportunityHistory");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ImportJobs jobs;

	Viewer admin;

	String token;

	@BeforeEach
	void program() {
		this.jdbc.sql("UPDATE import_run SET status = 'FAILED' WHERE status = 'RUNNING'").update();
		this.admin = this.fixtures.user(Role.ADMIN);
		this.token = this.fixtures.token(this.admin);
		AcmeSalesTeam.ensure(this.fixtures, this.jdbc);
	}

	@Test
	void aBackgroundRunWritesEveryRowAndShowsWhatItReadAndWrote() throws Exception {
		long rows = FILES.stream().mapToLong(f -> CsvImport.read(file(f), List.of()).rows().size()).sum();
		this.jdbc.sql("""
				INSERT INTO webhook_subscription (url, event_types, secret, created_at, updated_at)
				VALUES ('https://hooks.example.com/won', ARRAY['deal.won'], 'whsec_test', now(), now())
				""").update();
		var started = start(export(), Map.of("stage.Parked", "QUALIFIED", "createUnknownOwners", "true"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", startsWith("/api/v1/imports/runs/")))
			.andExpect(jsonPath("$.status").value("RUNNING"));
		long id = id(started);
		var run = finished(id);
		run.andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.phase").value("DONE"))
			.andExpect(jsonPath("$.rowsRead").value(rows))
			.andExpect(jsonPath("$.rowsValidated").value(rows))
			.andExpect(jsonPath("$.report.counts.opportunities.create").value(44))
			.andExpect(jsonPath("$.finishedAt").isNotEmpty());
		assertThat(this.fixtures.count("opportunity")).isEqualTo(44);
		assertThat(
				this.jdbc.sql("SELECT rows_applied FROM import_run WHERE id = ?").param(id).query(Long.class).single())
			.as("deals, their stage changes and the accounts and partners written")
			.isEqualTo(44 + this.fixtures.count("opportunity_stage_change") + 5 + 2);
		this.mvc.perform(get("/api/v1/imports/runs").header("Authorization", "Bearer " + this.token))
			.andExpect(jsonPath("$[?(@.id == " + id + ")].status").value("SUCCEEDED"));
		// the page names each figure's unit: file rows read and validated, records
		// written
		long upload = ((Number) com.jayway.jsonpath.JsonPath.read(run.andReturn().getResponse().getContentAsString(),
				"$.uploadId"))
			.longValue();
		var session = (org.springframework.mock.web.MockHttpSession) this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
				.param("username", this.fixtures.email(this.admin))
				.param("password", "secret")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc.perform(get("/imports/" + upload + "/runs/" + id).session(session))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("File rows validated"),
						org.hamcrest.Matchers
							.containsString("Records written (accounts, partners, deals, stage changes)"))));
		// an import brings history in and announces none of it: the 15 won deals it
		// recorded send no deal.won to the subscription (docs/webhooks.md)
		assertThat(this.fixtures.count("opportunity WHERE stage = 'CLOSED_WON'")).isEqualTo(15);
		assertThat(this.fixtures.count("webhook_message")).as("no webhook for an imported close").isZero();
	}

	@Test
	void aBackgroundRunWithABadRowWritesNothingAndNamesTheRow() throws Exception {
		long deals = this.fixtures.count("opportunity");
		long id = id(start(export(), Map.of("createUnknownOwners", "true")).andExpect(status().isAccepted()));
		var run = finished(id).andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.error").value(startsWith("Nothing imported")))
			.andExpect(jsonPath("$.report.errors[?(@.field == 'Opportunity row 43: StageName')].message",
					hasItem(startsWith("unknown stage 'Parked'"))));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
		// its page counts the refusals, not "0 file rows validated" of rows it checked
		// (try71a)
		long upload = ((Number) com.jayway.jsonpath.JsonPath.read(run.andReturn().getResponse().getContentAsString(),
				"$.uploadId"))
			.longValue();
		var page = new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(this.admin);
		assertThat(com.trellis.support.Readers.read(this.mvc, page, "/imports/" + upload + "/runs/" + id))
			.contains("Rows or values refused")
			.doesNotContain("File rows validated");
	}

	@Test
	void aCheckRunsInTheBackgroundNamingEachBadRowAndWritesNothing() throws Exception {
		long deals = this.fixtures.count("opportunity");
		long accounts = this.fixtures.count("account");
		long id = id(start(export(), Map.of("dryRun", "true", "createUnknownOwners", "true"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.dryRun").value(true)));
		finished(id).andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.rowsRead")
				.value(FILES.stream().mapToLong(f -> CsvImport.read(file(f), List.of()).rows().size()).sum()))
			.andExpect(jsonPath("$.report.dryRun").value(true))
			.andExpect(jsonPath("$.report.written").value(false))
			.andExpect(jsonPath("$.report.errors[?(@.field == 'Opportunity row 43: StageName')].message",
					hasItem(startsWith("unknown stage 'Parked'"))));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
		assertThat(this.fixtures.count("account")).isEqualTo(accounts);
	}

	@Test
	void onlyOneImportRunsAtATime() throws Exception {
		long upload = this.jdbc.sql("""
				INSERT INTO import_upload (source_system, uploaded_by, uploaded_at) VALUES ('SALESFORCE', ?, now())
				RETURNING id
				""").param(this.admin.userId()).query(Long.class).single();
		this.jdbc.sql("""
				INSERT INTO import_run (upload_id, source_system, started_by, status, phase, started_at, heartbeat_at)
				VALUES (?, 'SALESFORCE', ?, 'RUNNING', 'APPLYING', ?, ?)
				""")
			.params(upload, this.admin.userId(), Timestamp.from(this.clock.instant()),
					Timestamp.from(this.clock.instant()))
			.update();
		start(export(), Map.of()).andExpect(status().isConflict());
	}

	@Test
	void aRunWhoseInstanceStoppedIsMarkedFailedAndAppliedNothing() throws Exception {
		long deals = this.fixtures.count("opportunity");
		long upload = this.jdbc.sql("""
				INSERT INTO import_upload (source_system, uploaded_by, uploaded_at) VALUES ('SALESFORCE', ?, now())
				RETURNING id
				""").param(this.admin.userId()).query(Long.class).single();
		long id = this.jdbc.sql("""
				INSERT INTO import_run (upload_id, source_system, started_by, status, phase, rows_read, started_at,
				                        heartbeat_at)
				VALUES (?, 'SALESFORCE', ?, 'RUNNING', 'APPLYING', 500000, ?, ?) RETURNING id
				""")
			.params(upload, this.admin.userId(), Timestamp.from(this.clock.instant()),
					Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		this.jobs.failStale();
		run(id).andExpect(jsonPath("$.status").value("RUNNING"));
		this.clock.advance(Duration.ofMinutes(2));
		this.jobs.failStale();
		run(id).andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.error").value(ImportRuns.INTERRUPTED));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
	}

	@Test
	void aRepCannotStartOrSeeImportRuns() throws Exception {
		var rep = this.fixtures.token(this.fixtures.user(Role.AE));
		MockMultipartHttpServletRequestBuilder request = multipart(RUNS);
		request.file(new MockMultipartFile("Account", "Account.csv", "text/csv", "Id\n".getBytes()));
		this.mvc.perform(request.header("Authorization", "Bearer " + rep)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/imports/runs").header("Authorization", "Bearer " + rep))
			.andExpect(status().isForbidden());
	}

	private ResultActions finished(long id) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			var body = run(id).andReturn().getResponse().getContentAsString();
			if (!"RUNNING".equals(JsonPath.read(body, "$.status"))) {
				break;
			}
			Thread.sleep(200);
		}
		return run(id);
	}

	private ResultActions run(long id) throws Exception {
		return this.mvc.perform(get("/api/v1/imports/runs/" + id).header("Authorization", "Bearer " + this.token))
			.andExpect(status().isOk());
	}

	private static long id(ResultActions started) throws Exception {
		return ((Number) JsonPath.read(started.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	private ResultActions start(Map<String, String> files, Map<String, String> parameters) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart(RUNS);
		files.forEach((name, text) -> request
			.file(new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8))));
		parameters.forEach(request::param);
		return this.mvc.perform(request.header("Authorization", "Bearer " + this.token));
	}

	private static Map<String, String> export() {
		var files = new LinkedHashMap<String, String>();
		FILES.forEach(name -> files.put(name, file(name)));
		return files;
	}

	private static String file(String name) {
		try {
			return new ClassPathResource("imports/salesforce/" + name + ".csv")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
