package com.trellis.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Benchmark, not a test (runs only with {@code mvn -P benchmark}): one KPI records page's
 * request time on a generated program of {@value #DEALS} won deals in one quarter (half
 * of them partner-sourced, half direct), as an admin through MockMvc (the whole request:
 * the KPI's figure, its trend, the records and the rendering). Prints per page the median
 * and largest wall time of {@value #REQUESTS} requests one after another with the median
 * CPU time of the requesting thread (MockMvc runs the request on it: the Java side,
 * without the database's time or the wait for a core), then of {@value #SESSIONS}
 * sessions asking {@value #ROUNDS} times each at once, the page's size in bytes and its
 * records table's rows; and the CSV export's time, size and lines. Every page is asked
 * for {@value #WARM_UP} times first.
 */
@Tag("benchmark")
@TrellisTest
@TestPropertySource(properties = "trellis.demo.enabled=false")
class KpiRecordsPageBenchmark {

	static final int DEALS = 6_000;

	static final int REQUESTS = 40;

	static final int WARM_UP = 8;

	static final int SESSIONS = 8;

	static final int ROUNDS = 5;

	private static final String PERIOD = "?from=2017-04-01&to=2017-06-30";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsPages() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		var ae = this.fixtures.user(Role.AE);
		long partner = this.fixtures.partner("Bench records partner", pam.userId());
		long account = this.fixtures.account("Bench records customer", "bench-records.example", ae.userId());
		this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, owner_id, source, partner_id, credit_type,
					    partner_share, stage_entered_at, created_at, closed_at, updated_at)
					SELECT :account, 'Bench records deal ' || g, 1000 + g, 'USD', 'CLOSED_WON', :owner,
					       CASE WHEN g % 2 = 0 THEN 'PARTNER' ELSE 'DIRECT' END,
					       CASE WHEN g % 2 = 0 THEN :partner END, CASE WHEN g % 2 = 0 THEN 'SOURCED' END,
					       CASE WHEN g % 2 = 0 THEN 20 END,
					       TIMESTAMPTZ '2017-03-01T09:00:00Z', TIMESTAMPTZ '2017-03-01T09:00:00Z',
					       TIMESTAMPTZ '2017-04-02T09:00:00Z' + make_interval(mins => g), now()
					FROM generate_series(1, :deals) g
					""")
			.param("account", account)
			.param("owner", ae.userId())
			.param("partner", partner)
			.param("deals", DEALS)
			.update();
		this.jdbc.sql("ANALYZE opportunity").update();
		var session = signIn(this.fixtures.email(this.fixtures.user(Role.ADMIN)));
		var lines = new ArrayList<String>();
		var codes = List.of("SALES_CYCLE", "WIN_RATE", "AVERAGE_DEAL_SIZE");
		// warmed up on every page first, so the first page measured is not the least warm
		for (int i = 0; i < WARM_UP; i++) {
			for (var code : codes) {
				request(session, "/metrics/kpis/" + code + PERIOD);
			}
		}
		for (var code : codes) {
			var path = "/metrics/kpis/" + code + PERIOD;
			var alone = new long[REQUESTS];
			var cpu = new long[REQUESTS];
			var threads = java.lang.management.ManagementFactory.getThreadMXBean();
			String page = null;
			for (int i = 0; i < REQUESTS; i++) {
				long start = System.nanoTime();
				long startCpu = threads.getCurrentThreadCpuTime();
				page = request(session, path);
				cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
				alone[i] = System.nanoTime() - start;
			}
			var together = Collections.synchronizedList(new ArrayList<long[]>());
			var sessions = new ArrayList<MockHttpSession>();
			for (int s = 0; s < SESSIONS; s++) {
				sessions.add(signIn(this.fixtures.email(this.fixtures.user(Role.ADMIN))));
			}
			long began = System.nanoTime();
			var pool = Executors.newFixedThreadPool(SESSIONS);
			try {
				var tasks = new ArrayList<Callable<Void>>();
				for (var each : sessions) {
					tasks.add(() -> {
						var times = new long[ROUNDS];
						for (int i = 0; i < ROUNDS; i++) {
							long start = System.nanoTime();
							request(each, path);
							times[i] = System.nanoTime() - start;
						}
						together.add(times);
						return null;
					});
				}
				for (var done : pool.invokeAll(tasks)) {
					done.get();
				}
			}
			finally {
				pool.shutdown();
			}
			var alone50 = new Samples(alone, 0);
			var cpu50 = new Samples(cpu, 0);
			var concurrent = Samples.merge(together, System.nanoTime() - began);
			int from = page.indexOf("id=\"records\"");
			long rows = page.substring(from, page.indexOf("</table>", from)).split("<tr>", -1).length - 2;
			lines.add(String.format(Locale.ROOT,
					"%-20s alone median %7.1f ms, largest %7.1f, thread CPU median %6.1f ms | %d sessions median %7.1f, p95 %7.1f | %,d bytes, %d rows",
					code, alone50.percentileMillis(0.5), alone50.maxMillis(), cpu50.percentileMillis(0.5), SESSIONS,
					concurrent.percentileMillis(0.5), concurrent.percentileMillis(0.95), page.length(), rows));
			long start = System.nanoTime();
			var csv = request(session, "/metrics/kpis/" + code + "/records.csv" + PERIOD);
			lines.add(String.format(Locale.ROOT, "%-20s CSV %7.1f ms, %,d bytes, %,d lines", code,
					(System.nanoTime() - start) / 1e6, csv.length(), csv.split("\r\n", -1).length - 1));
		}
		System.out.println("KPI records pages, " + DEALS + " won deals in the quarter:");
		lines.forEach(System.out::println);
	}

	private String request(MockHttpSession session, String path) throws Exception {
		var response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		if (response.getStatus() != 200) {
			throw new IllegalStateException(path + " answered " + response.getStatus());
		}
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	private MockHttpSession signIn(String email) throws Exception {
		return (MockHttpSession) this.mvc
			.perform(post("/login").param("username", email).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
