package com.trellis.facts;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No statement trigger pairs its transition tables ({@code new_rows}, {@code old_rows})
 * in a nested loop when one statement changes many rows (V185). PL/pgSQL keeps a static
 * statement's first plan for the session, planned with the first call's row counts: a
 * nested loop over the two transition tables, kept from a one-row update, is quadratic in
 * the rows of every later update (a bulk import, a migration, a reassignment).
 *
 * <p>
 * For every table with an update trigger that has both transition tables, one connection
 * forgets its plans, updates one row, then updates up to {@value #ROWS} rows in one
 * statement; {@code auto_explain} hands each nested statement's plan to the client. The
 * test fails when a plan of the large update reads transition tables on both sides of a
 * nested loop without an index on the inner side. All in one transaction, rolled back.
 */
@TrellisTest
class TransitionTablePlanTests {

	private static final int ROWS = 400;

	/** Tables whose triggers must be exercised at a size where the planner hashes. */
	private static final List<String> COVERED = List.of("opportunity", "partner", "account", "deal_registration",
			"app_user", "opportunity_stage_change");

	/**
	 * The demo has too few partners for a large update: more, like its first, until
	 * rollback.
	 */
	private static final String MORE_PARTNERS = """
			INSERT INTO partner (name, type, region, owner_pam_id, lifecycle_status, tier, created_at, updated_at)
			SELECT 'Plan check partner ' || g, p.type, p.region, p.owner_pam_id, p.lifecycle_status, p.tier,
			       p.created_at, p.updated_at
			FROM partner p CROSS JOIN generate_series(1, %d) g WHERE p.id = (SELECT min(id) FROM partner)"""
		.formatted(ROWS);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noStatementTriggerJoinsItsTransitionTablesInANestedLoopOnALargeUpdate() throws SQLException {
		var tables = this.jdbc.sql("""
				SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
				WHERE t.tgnewtable IS NOT NULL AND t.tgoldtable IS NOT NULL ORDER BY c.relname""")
			.query(String.class)
			.list();
		assertThat(tables).containsAll(COVERED);
		var checked = new ArrayList<String>();
		var nestedLoops = new ArrayList<String>();
		try (var connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.execute("LOAD 'auto_explain'");
				statement.execute(MORE_PARTNERS);
				for (var table : tables) {
					if (rows(statement, table) < ROWS / 4) {
						continue;
					}
					checked.add(table);
					statement.execute("DISCARD PLANS");
					statement.execute(update(connection, table, 1));
					statement.execute("SET LOCAL auto_explain.log_min_duration = 0");
					statement.execute("SET LOCAL auto_explain.log_nested_statements = on");
					statement.execute("SET LOCAL auto_explain.log_format = json");
					statement.execute("SET LOCAL client_min_messages = log");
					statement.clearWarnings();
					statement.execute(update(connection, table, ROWS));
					nestedLoops.addAll(nestedLoopsOverTransitionTables(table, statement.getWarnings()));
					statement.execute("SET LOCAL auto_explain.log_min_duration = -1");
					statement.execute("SET LOCAL client_min_messages = notice");
				}
			}
			finally {
				connection.rollback();
			}
		}
		assertThat(checked).containsAll(COVERED);
		assertThat(nestedLoops).isEmpty();
	}

	private static long rows(Statement statement, String table) throws SQLException {
		try (var result = statement
			.executeQuery("SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT " + ROWS + ") r")) {
			result.next();
			return result.getLong(1);
		}
	}

	/**
	 * Sets the table's first column to itself: every update trigger fires, no figure
	 * changes.
	 */
	private static String update(Connection connection, String table, int rows) throws SQLException {
		String column;
		try (var columns = connection.getMetaData().getColumns(null, "public", table, null)) {
			columns.next();
			column = columns.getString("COLUMN_NAME");
		}
		return "UPDATE " + table + " SET " + column + " = " + column + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM "
				+ table + " LIMIT " + rows + "))";
	}

	private static List<String> nestedLoopsOverTransitionTables(String table, SQLWarning warnings) {
		var found = new ArrayList<String>();
		for (var warning = warnings; warning != null; warning = warning.getNextWarning()) {
			var message = warning.getMessage();
			int start = message.indexOf('{');
			if (!message.contains("plan:") || start < 0) {
				continue;
			}
			var explained = JSON.readTree(message.substring(start));
			if (pairsTransitionTables(explained.path("Plan"))) {
				found.add(table + ": " + explained.path("Query Text").asString());
			}
		}
		return found;
	}

	/** A nested loop whose outer and inner sides both read a transition table. */
	private static boolean pairsTransitionTables(JsonNode node) {
		var children = node.path("Plans");
		if ("Nested Loop".equals(node.path("Node Type").asString()) && children.size() == 2
				&& readsTransitionTable(children.get(0)) && readsTransitionTable(children.get(1))
				&& !usesIndex(children.get(1))) {
			return true;
		}
		for (var child : children) {
			if (pairsTransitionTables(child)) {
				return true;
			}
		}
		return false;
	}

	private static boolean readsTransitionTable(JsonNode node) {
		var type = node.path("Node Type").asString();
		if ("Named Tuplestore Scan".equals(type)) {
			return true;
		}
		for (var child : node.path("Plans")) {
			if (readsTransitionTable(child)) {
				return true;
			}
		}
		return false;
	}

	private static boolean usesIndex(JsonNode node) {
		if (node.path("Node Type").asString().startsWith("Index")) {
			return true;
		}
		for (var child : node.path("Plans")) {
			if (usesIndex(child)) {
				return true;
			}
		}
		return false;
	}

}
