package com.trellis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.trellis.accounts.Accounts;
import com.trellis.matching.BestMatch;
import com.trellis.matching.Company;
import com.trellis.matching.CompanyIdentity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (runs only with {@code mvn -P benchmark verify
 * -Dtest=MatchingBenchmark}): matches a generated partner list
 * ({@code -Dtrellis.bench.matching-companies}, default 100,000) against generated vendor
 * accounts ({@code -Dtrellis.bench.matching-accounts}, default 1,000,000) through
 * {@link Accounts#matchAll} (the set-based path of the one matcher), on an empty program.
 * Prints seconds, precision and recall of the automatic matches (overall and per kind of
 * pair, {@link MatchingWorld}) next to one sequential scan of the account table in the
 * same run, with the ratio. Writes {@code target/benchmark-matching.txt}.
 */
@Tag("benchmark")
@SpringBootTest
class MatchingBenchmark {

	private static final int ACCOUNTS = Integer.getInteger("trellis.bench.matching-accounts", 1_000_000);

	private static final int COMPANIES = Integer.getInteger("trellis.bench.matching-companies", 100_000);

	private static final long SEED = Long.getLong("trellis.bench.seed", 1L);

	@DynamicPropertySource
	static void emptyProgram(DynamicPropertyRegistry registry) {
		registry.add("trellis.demo.enabled", () -> "false");
		registry.add("trellis.embedded-db.ephemeral", () -> "true");
		registry.add("trellis.forecast.snapshot-cron", () -> "-");
		registry.add("trellis.registration.expiry-cron", () -> "-");
		// the load of a million accounts is set-up, not measured; a shared machine is
		// slow
		registry.add("spring.jdbc.template.query-timeout", () -> "30m");
	}

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void partnerListAgainstTheAccountsNextToASequentialScan() throws Exception {
		long began = System.nanoTime();
		var world = MatchingWorld.generate(SEED, ACCOUNTS, COMPANIES);
		double generated = seconds(began);
		began = System.nanoTime();
		load(world.accounts);
		double loaded = seconds(began);

		scan();
		began = System.nanoTime();
		long scanned = scan();
		double floor = seconds(began);

		var warmup = world.rows.subList(0, Math.min(2_000, world.rows.size()));
		this.accounts.matchAll(companies(warmup));

		began = System.nanoTime();
		var companies = companies(world.rows);
		double normalised = seconds(began);
		began = System.nanoTime();
		var decisions = this.accounts.matchAll(companies);
		double matched = seconds(began);
		double total = normalised + matched;

		var report = report(world, decisions, generated, loaded, floor, scanned, normalised, matched, total);
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-matching.txt"), report);
		assertThat(decisions).hasSize(world.rows.size());
	}

	private static List<Company> companies(List<MatchingWorld.Row> rows) {
		return rows.parallelStream().map(r -> Company.of(r.name(), r.domain(), r.country())).toList();
	}

	private String report(MatchingWorld world, List<BestMatch.Decision<Long>> decisions, double generated,
			double loaded, double floor, long scanned, double normalised, double matched, double total) {
		var kinds = new TreeMap<String, long[]>();
		long right = 0;
		long wrong = 0;
		long same = 0;
		long possible = 0;
		var wrongExamples = new ArrayList<String>();
		for (int i = 0; i < decisions.size(); i++) {
			var row = world.rows.get(i);
			var decision = decisions.get(i);
			var kind = kinds.computeIfAbsent((row.truth() == 0 ? "no: " : "yes: ") + row.kind(), k -> new long[3]);
			kind[0]++;
			if (row.truth() != 0) {
				same++;
			}
			if (!decision.matched() && !decision.possibles().isEmpty()) {
				possible++;
			}
			if (decision.matched() && decision.match() == row.truth()) {
				right++;
				kind[1]++;
			}
			else if (decision.matched()) {
				wrong++;
				kind[2]++;
				if (wrongExamples.size() < 10) {
					wrongExamples.add(row.name() + " / " + row.domain() + " / " + row.country() + " -> account "
							+ decision.match() + " (" + decision.how().reason() + ")");
				}
			}
		}
		double precision = right / (double) Math.max(1, right + wrong);
		double recall = right / (double) Math.max(1, same);
		var text = new StringBuilder();
		text.append(String.format(Locale.ROOT, """
				Matching a partner list of %,d companies against %,d vendor accounts (seed %d)
				  generated in %.1f s, accounts loaded (COPY, index, analyse) in %.1f s
				  floor: one sequential scan of the account table (%,d rows):   %8.2f s
				  normalise the list (domains, names):                          %8.2f s
				  match (Accounts.matchAll: SQL candidates + BestMatch in Java): %8.2f s
				  total:                                                         %8.2f s   ratio total / floor: %.1f x
				  automatic matches: %,d right, %,d wrong; true pairs %,d; left for a person (possible only): %,d
				  precision %.4f   recall %.4f   (targets: under 10 s, precision >= 0.99, recall >= 0.95)
				  load average at the end: %s
				  by kind of row (rows, right automatic, wrong automatic):
				""", world.rows.size(), world.accounts.size(), SEED, generated, loaded, scanned, floor, normalised,
				matched, total, total / floor, right, wrong, same, possible, precision, recall, loadAverage()));
		kinds.forEach((kind, counts) -> text
			.append(String.format(Locale.ROOT, "    %-45s %,8d %,8d %,8d%n", kind, counts[0], counts[1], counts[2])));
		wrongExamples.forEach(w -> text.append("  wrong: ").append(w).append('\n'));
		return text.toString();
	}

	private void load(List<MatchingWorld.Account> accounts) throws Exception {
		var keys = accounts.parallelStream()
			.map(a -> new String[] { CompanyIdentity.identityDomain(a.domain()),
					CompanyIdentity.normalizedName(a.name()) })
			.toList();
		var now = Instant.now().toString();
		try (Connection connection = this.dataSource.getConnection()) {
			var text = new StringBuilder(accounts.size() * 100);
			for (int i = 0; i < accounts.size(); i++) {
				var a = accounts.get(i);
				text.append(a.id())
					.append('\t')
					.append(a.name())
					.append('\t')
					.append(nullable(a.domain()))
					.append('\t')
					.append(nullable(a.country()))
					.append('\t')
					.append(now)
					.append('\t')
					.append(now)
					.append('\t')
					.append(nullable(keys.get(i)[0]))
					.append('\t')
					.append(nullable(keys.get(i)[1]))
					.append('\n');
			}
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY account (id, name, web_domain, country, created_at, updated_at, registrable_domain,"
						+ " normalized_name) FROM STDIN", new java.io.StringReader(text.toString()));
		}
		this.jdbc.sql("SELECT setval('account_id_seq', (SELECT max(id) FROM account))").query(Long.class).single();
		this.jdbc.sql("VACUUM ANALYZE account").update();
	}

	private long scan() {
		return this.jdbc
			.sql("SELECT count(*) FROM account WHERE length(name) + length(coalesce(normalized_name, '')) >= 0")
			.query(Long.class)
			.single();
	}

	private static String nullable(String value) {
		return value == null ? "\\N" : value;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

}
