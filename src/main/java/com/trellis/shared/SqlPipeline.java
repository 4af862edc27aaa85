package com.trellis.shared;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;

/**
 * Statements sent to the database together, in one round trip, in the order they were
 * added, on the caller's transaction's connection: the driver sends every statement
 * before it reads the first answer, and the database runs them one after the other, each
 * with its own snapshot (as when they are sent one at a time). Each module adds its own
 * statements (with named parameters, as {@code JdbcClient} takes them), so a caller that
 * writes to several modules in one transaction waits for one answer instead of one per
 * statement.
 *
 * <p>
 * A statement that fails fails the whole {@link #send}, and the database skips the rest:
 * a statement that must not take the others with it (one written under a savepoint) does
 * not belong here. Queries' rows are read by {@link #query}'s supplier after the send;
 * asking before it is an error.
 */
public final class SqlPipeline {

	private final List<Statement<?>> statements = new ArrayList<>();

	private boolean sent;

	/** Adds a statement whose update count is not read (an insert, an update). */
	public SqlPipeline update(String sql, Map<String, ?> params) {
		add(sql, params, null);
		return this;
	}

	/**
	 * Adds a query; its rows, mapped by {@code rows}, are read from the supplier once the
	 * pipeline is sent.
	 */
	public <T> Supplier<List<T>> query(String sql, Map<String, ?> params, RowMapper<T> rows) {
		var statement = add(sql, params, rows);
		return () -> {
			if (!this.sent) {
				throw new IllegalStateException("The pipeline was not sent yet");
			}
			return statement.rows;
		};
	}

	/** How many statements were added. */
	public int size() {
		return this.statements.size();
	}

	/**
	 * Sends every statement in one round trip on the transaction's connection and reads
	 * the queries' rows; a pipeline is sent once.
	 * @throws org.springframework.dao.DataAccessException when a statement fails
	 */
	public void send(JdbcOperations jdbc) {
		if (this.sent) {
			throw new IllegalStateException("The pipeline was sent already");
		}
		if (this.statements.isEmpty()) {
			this.sent = true;
			return;
		}
		var sql = new StringBuilder();
		var args = new ArrayList<Object>();
		for (var statement : this.statements) {
			if (!sql.isEmpty()) {
				sql.append(";\n");
			}
			sql.append(statement.sql);
			args.addAll(statement.args);
		}
		jdbc.execute(sql.toString(), (PreparedStatement ps) -> {
			for (int i = 0; i < args.size(); i++) {
				StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, args.get(i));
			}
			boolean resultSet = ps.execute();
			for (int i = 0; i < this.statements.size(); i++) {
				if (i > 0) {
					resultSet = ps.getMoreResults();
				}
				var statement = this.statements.get(i);
				if (resultSet) {
					try (var rs = ps.getResultSet()) {
						statement.read(rs);
					}
				}
				else if (statement.mapper != null) {
					throw new IllegalStateException("Statement " + (i + 1) + " of the pipeline returned no rows");
				}
			}
			return null;
		});
		this.sent = true;
	}

	private <T> Statement<T> add(String sql, Map<String, ?> params, RowMapper<T> mapper) {
		if (this.sent) {
			throw new IllegalStateException("The pipeline was sent already");
		}
		if (sql.contains(";")) {
			throw new IllegalArgumentException("One statement at a time: " + sql);
		}
		var source = new MapSqlParameterSource(params);
		var parsed = NamedParameterUtils.parseSqlStatement(sql);
		var statement = new Statement<>(NamedParameterUtils.substituteNamedParameters(parsed, source),
				java.util.Arrays.asList(NamedParameterUtils.buildValueArray(parsed, source, null)), mapper);
		this.statements.add(statement);
		return statement;
	}

	private static final class Statement<T> {

		private final String sql;

		private final List<Object> args;

		private final RowMapper<T> mapper;

		private List<T> rows = List.of();

		Statement(String sql, List<Object> args, RowMapper<T> mapper) {
			this.sql = sql;
			this.args = args;
			this.mapper = mapper;
		}

		void read(ResultSet rs) throws SQLException {
			if (this.mapper == null) {
				return;
			}
			var read = new ArrayList<T>();
			while (rs.next()) {
				read.add(this.mapper.mapRow(rs, read.size()));
			}
			this.rows = read;
		}

	}

}
