package com.trellis.hygiene;

import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a check's records in one pass for a download: one query, its rows fetched
 * {@value #FETCH} at a time through a server-side cursor (the caller's read-only
 * transaction keeps it open) and each handed on as it is read, so the work grows with the
 * number of records, not with its square as page after page by OFFSET did (727 s for
 * 119,064 records), and memory holds one fetch at a time.
 */
@Component
class HygieneCursor {

	/** Rows fetched per round trip. */
	static final int FETCH = 1_000;

	private final JdbcClient jdbc;

	HygieneCursor(DataSource dataSource) {
		var template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH);
		this.jdbc = JdbcClient.create(template);
	}

	/**
	 * Hands each row of {@code sql} (bound to the scope's {@code :pam} and {@code :team}
	 * and to {@code params}), in its order, to {@code action} as it is read.
	 */
	void forEach(String sql, HygieneScope scope, Map<String, ?> params, RowMapper<HygieneRecord> mapper,
			Consumer<HygieneRecord> action) {
		var spec = scope.bind(this.jdbc.sql(sql));
		for (var entry : params.entrySet()) {
			spec = spec.param(entry.getKey(), entry.getValue());
		}
		int[] row = { 0 };
		spec.query(rs -> {
			action.accept(mapper.mapRow(rs, row[0]++));
		});
	}

}
