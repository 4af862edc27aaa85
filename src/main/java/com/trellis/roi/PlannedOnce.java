package com.trellis.roi;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.postgresql.PGStatement;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A read planned once per database session and reused by every later request on it (issue
 * 15, roi31): the program's ROI page statement ({@link RoiProgramPageSql#PAGE}) took
 * 30–40 ms to plan on a warm connection and over 100 ms on a new one, planned again for
 * each request, against 60–85 ms of execution. Here the driver prepares it on the server
 * from its first use ({@code prepareThreshold} 1 for this statement; the default waits
 * for the fifth use on a connection) and the server keeps one plan for any parameters
 * ({@code plan_cache_mode = force_generic_plan}, set for the transaction just before the
 * read and back to the default right after it, in the same round trip, so no other
 * statement is planned this way). The generic plan is used only where it was measured to
 * execute as fast as each request's own plan (docs/performance.md, roi31). The rows are
 * the statement's rows, as if it were read the usual way.
 */
final class PlannedOnce {

	/** The session's plan cache keeps one plan for any parameters. */
	static final String GENERIC = "SET plan_cache_mode = force_generic_plan";

	/** The plan cache's mode as before the read ({@link #GENERIC}). */
	static final String AUTO = "RESET plan_cache_mode";

	private PlannedOnce() {
	}

	/**
	 * Reads {@code sql} (one statement, named parameters) with its generic plan, each row
	 * given to {@code read}.
	 * @throws org.springframework.dao.DataAccessException as any read
	 */
	static void query(NamedParameterJdbcTemplate named, String sql, SqlParameterSource params,
			RowCallbackHandler read) {
		named.execute(GENERIC + ";\n" + sql + ";\n" + AUTO, params, (PreparedStatement statement) -> {
			statement.unwrap(PGStatement.class).setPrepareThreshold(1);
			boolean rows = statement.execute();
			while (rows || statement.getUpdateCount() != -1) {
				if (rows) {
					try (ResultSet rs = statement.getResultSet()) {
						each(rs, read);
					}
				}
				rows = statement.getMoreResults();
			}
			return null;
		});
	}

	private static void each(ResultSet rs, RowCallbackHandler read) throws SQLException {
		while (rs.next()) {
			read.processRow(rs);
		}
	}

}
