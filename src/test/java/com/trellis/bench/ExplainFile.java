package com.trellis.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of each hot query in
 * {@code bench/reporting-explain-<which>.sql}, parts separated by {@code -- ### title}
 * lines: "before" holds the SQL as it was before the facts (run on today's schema, so
 * with the new indexes), later files the SQL that replaced it. A part titled
 * {@code rows: …} prints the statement's rows (sizes, indexes) instead of its plan. Runs
 * without the request-sized query timeout: the "before" learning query reads every stage
 * move (it was cancelled at 60 s on the large dataset, losing the run's report).
 */
final class ExplainFile {

	private ExplainFile() {
	}

	static String of(String which, DataSource dataSource) throws IOException {
		String text;
		try (var in = ExplainFile.class.getResourceAsStream("/bench/reporting-explain-" + which + ".sql")) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		var unlimited = JdbcClient.create(new JdbcTemplate(dataSource));
		var out = new StringBuilder();
		for (var part : text.split("-- ### ")) {
			if (part.isBlank()) {
				continue;
			}
			int eol = part.indexOf('\n');
			var title = part.substring(0, eol).strip();
			var sql = part.substring(eol + 1).strip().replaceAll(";$", "");
			out.append("### ").append(which).append(": ").append(title).append("\n\n");
			var lines = title.startsWith("rows:")
					? unlimited.sql(sql).query().listOfRows().stream().map(row -> row.values().toString()).toList()
					: unlimited.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).query(String.class).list();
			lines.forEach(line -> out.append("    ").append(line).append("\n"));
			out.append("\n");
		}
		return out.toString();
	}

}
