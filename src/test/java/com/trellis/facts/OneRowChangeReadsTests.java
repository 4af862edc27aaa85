package com.trellis.facts;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change of one row reads a bounded part of every table, also in the statements its
 * triggers run (V186). V173's funnel refresh joined a deal's id to a view with window
 * functions; the join did not enter the view, so each stage move computed the view over
 * the whole stage history (on the large dataset, closing one deal took 10.9 s).
 *
 * <p>
 * One connection, with sequential scans discouraged so that a read of a whole table shows
 * as a full index scan rather than as the planner's choice for a small table, changes one
 * row of every table that has triggers (the first column set to itself: every update
 * trigger fires, no figure changes) and moves one deal's stage. {@code auto_explain}
 * hands the plan of every statement, nested ones included, to the client. The test fails
 * when a plan node reads (returns or filters out, over all its loops) more than a quarter
 * of a table of at least {@value #LARGE} rows. All in one transaction, rolled back.
 */
@TrellisTest
class OneRowChangeReadsTests {

	private static final int LARGE = 400;

	/**
	 * Tables whose one-row change recomputes a whole scope by design: a rate change
	 * recomputes the facts of every deal in its currency.
	 */
	private static final List<String> WHOLE_BY_DESIGN = List.of("exchange_rate");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aOneRowChangeReadsABoundedPartOfEveryTable() throws SQLException {
		var tables = this.jdbc.sql("""
				SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
				JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE NOT t.tgisinternal AND n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname""")
			.query(String.class)
			.list();
		var sizes = new java.util.HashMap<String, Long>();
		var wholeReads = new ArrayList<String>();
		var checked = new ArrayList<String>();
		try (var connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				try (var counts = statement.executeQuery(
						"""
								SELECT c.relname, (xpath('/row/n/text()',
								       query_to_xml('SELECT count(*) AS n FROM ' || quote_ident(c.relname), FALSE, TRUE, '')))[1]::text::bigint
								FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
								WHERE n.nspname = 'public' AND c.relkind = 'r'""")) {
					while (counts.next()) {
						sizes.put(counts.getString(1), counts.getLong(2));
					}
				}
				statement.execute("LOAD 'auto_explain'");
				statement.execute("SET LOCAL enable_seqscan = off");
				statement.execute("SET LOCAL auto_explain.log_min_duration = 0");
				statement.execute("SET LOCAL auto_explain.log_nested_statements = on");
				statement.execute("SET LOCAL auto_explain.log_analyze = on");
				statement.execute("SET LOCAL auto_explain.log_format = json");
				statement.execute("SET LOCAL client_min_messages = log");
				var changes = new ArrayList<Map.Entry<String, String>>();
				changes.add(Map.entry("a stage move of one deal",
						"""
								INSERT INTO opportunity_stage_change (opportunity_id, from_stage, to_stage, changed_by, changed_at)
								SELECT o.id, o.stage, 'COMMIT', o.owner_id, now() FROM opportunity o
								WHERE o.stage = 'QUALIFIED' ORDER BY o.id DESC LIMIT 1"""));
				for (var table : tables) {
					if (sizes.getOrDefault(table, 0L) > 0 && !WHOLE_BY_DESIGN.contains(table)) {
						changes.add(Map.entry("an update of one " + table + " row", update(statement, table)));
					}
				}
				for (var change : changes) {
					statement.execute("SAVEPOINT change");
					statement.clearWarnings();
					try {
						statement.execute(change.getValue());
					}
					catch (SQLException refused) {
						// an append-only table refuses every update: nothing to check
						statement.execute("ROLLBACK TO SAVEPOINT change");
						continue;
					}
					checked.add(change.getKey());
					wholeReads.addAll(wholeReads(change.getKey(), statement.getWarnings(), sizes));
				}
			}
			finally {
				connection.rollback();
			}
		}
		assertThat(checked).contains("a stage move of one deal", "an update of one opportunity row",
				"an update of one opportunity_stage_change row", "an update of one partner row");
		assertThat(sizes.get("opportunity_stage_change")).isGreaterThanOrEqualTo(LARGE);
		assertThat(wholeReads).isEmpty();
	}

	private static String update(Statement statement, String table) throws SQLException {
		String column;
		try (var columns = statement.getConnection().getMetaData().getColumns(null, "public", table, null)) {
			columns.next();
			column = columns.getString("COLUMN_NAME");
		}
		return "UPDATE " + table + " SET " + column + " = " + column + " WHERE ctid = (SELECT ctid FROM " + table
				+ " LIMIT 1)";
	}

	private static List<String> wholeReads(String change, SQLWarning warnings, Map<String, Long> sizes) {
		var found = new ArrayList<String>();
		for (var warning = warnings; warning != null; warning = warning.getNextWarning()) {
			var message = warning.getMessage();
			int start = message.indexOf('{');
			if (!message.contains("plan:") || start < 0) {
				continue;
			}
			var explained = JSON.readTree(message.substring(start));
			collect(explained.path("Plan"), sizes, change + ": " + explained.path("Query Text").asString(), found);
		}
		return found;
	}

	private static void collect(JsonNode node, Map<String, Long> sizes, String where, List<String> found) {
		var relation = node.path("Relation Name").asString("");
		long size = sizes.getOrDefault(relation, 0L);
		if (size >= LARGE) {
			double read = (node.path("Actual Rows").asDouble() + node.path("Rows Removed by Filter").asDouble()
					+ node.path("Rows Removed by Index Recheck").asDouble()) * node.path("Actual Loops").asDouble();
			if (read > size / 4.0) {
				found.add(String.format(java.util.Locale.ROOT, "%s -- %s on %s read %.0f of %d rows", where,
						node.path("Node Type").asString(), relation, read, size));
			}
		}
		for (var child : node.path("Plans")) {
			collect(child, sizes, where, found);
		}
	}

}
