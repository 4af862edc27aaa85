package com.trellis.hygiene;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.matching.CompanyMatcher;
import com.trellis.matching.Match;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The duplicate accounts are decided by a job and only read by requests: the report
 * answers from the stored result with the time it was computed, an admin queues a
 * recomputation, one instance at a time runs it, and it finds what the single-statement
 * computation found.
 */
@TrellisTest
class DuplicateJobTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	DuplicateAccounts job;

	@Autowired
	DuplicateCandidates repository;

	@Autowired
	DataSource dataSource;

	Viewer admin;

	Viewer ae;

	Api adminApi;

	@BeforeEach
	void storedOnce() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.ae = this.fixtures.user(Role.AE);
		this.adminApi = new Api(this.mvc, this.fixtures.token(this.admin));
		this.job.recomputeIfDue();
	}

	@Test
	void theReportAnswersFromTheStoredResultWithTheTimeItWasComputed() throws Exception {
		long before = duplicatesCount();
		var computedAt = computedAt();
		this.clock.advance(Duration.ofHours(2));
		long freight = this.fixtures.account("Quillmora Freight", "quillmora.com", this.ae.userId());
		this.fixtures.account("Quillmora Cargo", "quillmora.com", this.ae.userId());

		assertThat(duplicatesCount()).as("read before the job ran: the stored result").isEqualTo(before);
		this.adminApi.get("/api/v1/hygiene")
			.andExpect(
					jsonPath("$[?(@.check == 'DUPLICATE_ACCOUNTS')].computedAt").value(hasItem(computedAt.toString())));
		assertThat(page("/hygiene")).contains("Duplicate accounts as of " + moment(computedAt) + " (UTC)");

		assertThat(this.job.recomputeIfDue()).isTrue();
		assertThat(duplicatesCount()).isEqualTo(before + 2);
		assertThat(computedAt()).isEqualTo(this.clock.instant());
		assertThat(this.jdbc.sql("SELECT duplicates FROM hygiene_duplicate WHERE account_id = ?")
			.param(freight)
			.query(String.class)
			.single()).contains("Quillmora Cargo");
		assertThat(page("/hygiene/DUPLICATE_ACCOUNTS"))
			.contains("Duplicate accounts as of " + moment(this.clock.instant()));
	}

	/**
	 * A request whose time is before a run's start but that commits after the run read
	 * the queue (its time is taken before its commit) stays queued: the run answers only
	 * the request it read. Two instances under load dropped such a request unserved. The
	 * request is queued here by a trigger while the run stores its result, after its
	 * read, with a time an hour before.
	 */
	@Test
	void aRequestQueuedAfterARunReadTheQueueStaysForTheNextRun() {
		this.clock.advance(Duration.ofHours(1));
		this.fixtures.account("Vellbrook Analytics", "vellbrook.com", this.ae.userId());
		this.jdbc.sql("""
				CREATE FUNCTION hygiene_queue_late() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    INSERT INTO hygiene_duplicate_request (id, requested_at) VALUES (1, TIMESTAMPTZ '%s')
				    ON CONFLICT (id) DO NOTHING;
				    RETURN NULL;
				END $$;
				CREATE TRIGGER queue_late AFTER INSERT OR UPDATE ON hygiene_duplicate_state
				    FOR EACH STATEMENT EXECUTE FUNCTION hygiene_queue_late();
				""".formatted(this.clock.instant().minus(Duration.ofHours(1)))).update();
		try {
			assertThat(this.job.recomputeIfDue()).isTrue();
		}
		finally {
			this.jdbc.sql("DROP TRIGGER queue_late ON hygiene_duplicate_state; DROP FUNCTION hygiene_queue_late()")
				.update();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM hygiene_duplicate_request").query(Long.class).single())
			.as("queued after the run read the queue: left for the next run")
			.isEqualTo(1);
		this.job.recomputeIfDue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM hygiene_duplicate_request").query(Long.class).single()).isZero();
	}

	@Test
	void noRequestPathRecomputesTheDuplicates() throws Exception {
		var computedAt = computedAt();
		var signature = storedSignature();
		this.clock.advance(Duration.ofHours(1));
		long added = this.fixtures.account("Brisvane Robotics", "brisvane.com", this.ae.userId());
		this.fixtures.account("Brisvane Robotics Group", "brisvane.com", this.ae.userId());
		var pam = this.fixtures.user(Role.PAM);
		var pamApi = new Api(this.mvc, this.fixtures.token(pam));

		for (var api : List.of(this.adminApi, pamApi)) {
			api.get("/api/v1/hygiene").andExpect(status().isOk());
			api.get("/api/v1/hygiene/DUPLICATE_ACCOUNTS").andExpect(status().isOk());
			api.get("/api/v1/hygiene/DUPLICATE_ACCOUNTS/records.csv").andExpect(status().isOk());
		}
		for (var viewer : List.of(this.admin, pam)) {
			page(viewer, "/hygiene");
			page(viewer, "/hygiene/DUPLICATE_ACCOUNTS");
			page(viewer, "/hygiene/DUPLICATE_ACCOUNTS/records.csv");
		}

		assertThat(computedAt()).isEqualTo(computedAt);
		assertThat(storedSignature()).isEqualTo(signature);
		assertThat(this.jdbc.sql("SELECT count(*) FROM hygiene_duplicate WHERE account_id = ?")
			.param(added)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anAdminQueuesARecomputationThatTheJobMakesAndClears() throws Exception {
		var computedAt = computedAt();
		this.clock.advance(Duration.ofMinutes(30));
		var pamApi = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.PAM)));
		pamApi.post("/api/v1/hygiene/DUPLICATE_ACCOUNTS/recompute", "").andExpect(status().isForbidden());
		this.adminApi.post("/api/v1/hygiene/STALE_DEALS/recompute", "").andExpect(status().isConflict());

		this.adminApi.post("/api/v1/hygiene/DUPLICATE_ACCOUNTS/recompute", "")
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.computedAt").value(computedAt.toString()))
			.andExpect(jsonPath("$.requestedAt").value(this.clock.instant().toString()));
		assertThat(computedAt()).as("queued, not run in the request").isEqualTo(computedAt);
		assertThat(page("/hygiene")).contains("A recomputation was queued at " + moment(this.clock.instant()))
			.doesNotContain("id=\"recompute-form\"");

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.job.recomputeIfDue()).as("accounts unchanged, but asked for").isTrue();
		assertThat(computedAt()).isEqualTo(this.clock.instant());
		assertThat(this.jdbc.sql("SELECT count(*) FROM hygiene_duplicate_request").query(Long.class).single()).isZero();
		assertThat(page("/hygiene")).contains("id=\"recompute-form\"").doesNotContain("A recomputation was queued");
		assertThat(this.job.recomputeIfDue()).isFalse();
	}

	@Test
	void whileOneInstanceRunsTheJobAnotherSkipsItsRun() throws Exception {
		this.fixtures.account("Tarnwick Mills", "tarnwick.com", this.ae.userId());
		this.fixtures.account("Tarnwick Mills Ltd", "tarnwick.com", this.ae.userId());
		try (var other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (var statement = other.createStatement()) {
				statement.execute("SELECT pg_advisory_xact_lock(hashtext('hygiene.duplicate-accounts'))");
			}
			assertThat(this.job.recomputeIfDue()).isFalse();
			other.rollback();
		}
		assertThat(this.job.recomputeIfDue()).isTrue();
		assertThat(this.job.recomputeIfDue()).isFalse();
	}

	@Test
	void theJobFindsTheDuplicatesTheSingleStatementComputationFound() {
		for (var name : List.of("Helvoran Systems", "Helvoran Sytsems", "Helvoran Foods", "Kestrune Media")) {
			this.fixtures.account(name, null, this.ae.userId());
		}
		this.fixtures.account("Kestrune Media Group", "kestrune.com", this.ae.userId());
		this.fixtures.account("Kestrune Studios", "kestrune.com", this.ae.userId());
		this.job.recomputeIfDue();

		var stored = new LinkedHashMap<Long, String>();
		this.jdbc.sql("SELECT account_id, duplicates FROM hygiene_duplicate ORDER BY account_id")
			.query((rs, n) -> stored.put(rs.getLong(1), rs.getString(2)))
			.list();

		assertThat(stored).hasSizeGreaterThan(100).isEqualTo(singleStatement());
	}

	/**
	 * The computation as it ran before the job: all accounts' candidates in one
	 * statement, each pair asked of the matcher.
	 */
	private Map<Long, String> singleStatement() {
		var found = new LinkedHashMap<Long, List<String>>();
		for (var pair : this.repository.duplicateCandidates(HygieneScope.PROGRAM, 0, Long.MAX_VALUE)) {
			CompanyMatcher.match(pair[0].company(), pair[1].company())
				.map(Match::reason)
				.ifPresent(reason -> found.computeIfAbsent(pair[0].accountId(), a -> new ArrayList<>())
					.add("account " + pair[1].accountId() + " " + pair[1].name() + " (" + reason + ")"));
		}
		var texts = new LinkedHashMap<Long, String>();
		found.forEach((account, reasons) -> texts.put(account, String.join("; ", reasons)));
		return texts;
	}

	private long duplicatesCount() throws Exception {
		var json = this.adminApi.get("/api/v1/hygiene").andReturn().getResponse().getContentAsString();
		return com.jayway.jsonpath.JsonPath.<List<Number>>read(json, "$[?(@.check == 'DUPLICATE_ACCOUNTS')].count")
			.get(0)
			.longValue();
	}

	private Instant computedAt() {
		return this.jdbc.sql("SELECT computed_at FROM hygiene_duplicate_state WHERE id = 1")
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private String storedSignature() {
		return this.jdbc.sql("SELECT accounts_signature FROM hygiene_duplicate_state WHERE id = 1")
			.query(String.class)
			.single();
	}

	private static String moment(Instant instant) {
		return instant.toString().substring(0, 16).replace('T', ' ');
	}

	private String page(String path) throws Exception {
		return page(this.admin, path);
	}

	private String page(Viewer viewer, String path) throws Exception {
		var session = (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		return this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
