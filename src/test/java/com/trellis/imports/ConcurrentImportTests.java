package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Two admins (or two instances) importing the same export at the same moment leave each
 * source row once: the second is refused with 409 while the first runs.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.imports.test-context=concurrent" })
class ConcurrentImportTests {

	private static final String COMPANIES = """
			Record ID,Company name,Create Date,Owner email
			5001,Concurrent Co,2025-01-02 10:00,%s
			""";

	private static final String DEALS = """
			Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Owner email,Associated Company IDs
			6001,Concurrent deal one,Qualified To Buy,1000.00,2026-12-30,2025-01-03 10:00,%s,5001
			6002,Concurrent deal two,Appointment Scheduled,2000.00,2026-12-30,2025-01-04 10:00,%s,5001
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoRunsOfTheSameExportAtOnceImportEachRowOnce() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var rep = this.fixtures.email(this.fixtures.user(Role.AE));
		var token = this.fixtures.token(admin);
		var start = new CountDownLatch(1);
		Callable<Integer> run = () -> {
			start.await();
			return this.mvc.perform(multipart("/api/v1/imports/hubspot")
				.file(new MockMultipartFile("companies", "companies.csv", "text/csv",
						COMPANIES.formatted(rep).getBytes(StandardCharsets.UTF_8)))
				.file(new MockMultipartFile("deals", "deals.csv", "text/csv",
						DEALS.formatted(rep, rep).getBytes(StandardCharsets.UTF_8)))
				.param("dryRun", "false")
				.header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus();
		};
		var pool = Executors.newFixedThreadPool(2);
		try {
			var results = new ArrayList<java.util.concurrent.Future<Integer>>();
			results.add(pool.submit(run));
			results.add(pool.submit(run));
			start.countDown();
			// the second either found the first committed (200, changes nothing) or was
			// refused at once while the first ran (409): it never waits for the lock
			var statuses = new ArrayList<Integer>();
			for (var result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).contains(200);
			assertThat(statuses).allMatch(s -> s == 200 || s == 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.fixtures.count("opportunity WHERE name LIKE 'Concurrent deal%'")).isEqualTo(2);
		assertThat(this.fixtures.count("account WHERE name = 'Concurrent Co'")).isEqualTo(1);
		assertThat(this.fixtures.count("import_record WHERE source_system = 'HUBSPOT'")).isEqualTo(3);
	}

}
