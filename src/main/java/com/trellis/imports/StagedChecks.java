package com.trellis.imports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rules of an import that need other rows, as SQL over the run's staging tables
 * ({@link ImportStaging}): an id repeated within a file, a deal naming an account that is
 * neither in the file nor imported before, a stage that maps to nothing or contradicts
 * the export's closed and won flags, a won deal without amount, a closed deal without
 * close day or history, a closed deal created (its business day, in the program's time
 * zone) after the day it closed, a closed deal whose close day is after today (the
 * injected clock's business day), a stage change of a deal not in the file, of an unknown
 * stage or before its deal was created, and a partner row naming an unknown deal or
 * partner account. Each error names the row and column as the file writes them, with the
 * value and why (the messages of docs/import.md), and the staged row it refuses. A row
 * refused as a repeated id is set aside: the checks of other rows use the id's first row.
 */
@Repository
class StagedChecks {

	private static final String CLOSED = "('CLOSED_WON', 'CLOSED_LOST')";

	private final JdbcClient jdbc;

	StagedChecks(DataSource dataSource) {
		// SQL over a whole run's staging tables (a million rows and more): without the
		// request-sized query timeout (spring.jdbc.template.query-timeout), in the run's
		// transaction
		this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
	}

	void check(String system, CrmExport export) {
		var columns = export.columns;
		export.idColumns.forEach((file, column) -> repeated(file, column));
		setAsideRepeated();
		insert("""
				SELECT d.where_ || :column,
				       'missing account ''' || d.account_id || ''': not in the %s (or a partner account) and not imported before',
				       d.ord, NULL
				FROM imp_deal d
				WHERE btrim(d.account_id) <> ''
				  AND NOT EXISTS (SELECT 1 FROM imp_account a WHERE a.source_id = btrim(d.account_id) AND NOT a.partner)
				  AND NOT EXISTS (SELECT 1 FROM import_record r WHERE r.source_system = :system
				                  AND r.object_type = 'Account' AND r.source_id = btrim(d.account_id))
				ORDER BY d.ord
				"""
			.formatted("HUBSPOT".equals(system) ? "companies file" : "Account file"), system, columns.accountId());
		stages(system, columns);
		closedBeforeCreated(columns, export.zone);
		closedInFuture(columns, export.zone, export.today());
		history(system, columns);
		links(system);
	}

	private void repeated(String file, String column) {
		var table = switch (file) {
			case "Account", "companies" -> "imp_account";
			case "Opportunity", "deals" -> "imp_deal";
			default -> "imp_link";
		};
		var id = table.equals("imp_link") ? "link_id" : "source_id";
		var only = table.equals("imp_link") ? "AND file = :file" : "";
		this.jdbc.sql("""
				INSERT INTO imp_error (field, message, ref_ord)
				SELECT where_ || :column, 'duplicate id ''' || id || ''': '
				       || substring(first_where FROM 'row [0-9]+') || ' of the file has it', ord
				FROM (SELECT where_, %s AS id, ord, row_number() OVER (PARTITION BY %s ORDER BY ord) AS n,
				             first_value(where_) OVER (PARTITION BY %s ORDER BY ord) AS first_where
				      FROM %s WHERE %s IS NOT NULL %s) s
				WHERE n > 1 ORDER BY ord
				""".formatted(id, id, id, table, id, only)).param("column", column).param("file", file).update();
	}

	/**
	 * Sets aside each row refused as a repeated id (its id cleared; the row and its error
	 * stay): every other check and the plan that looks a row up by its id then find the
	 * first row of that id, the one kept, never a refused repetition.
	 */
	private void setAsideRepeated() {
		this.jdbc.sql("""
				UPDATE imp_account a SET source_id = NULL
				FROM (SELECT ord, row_number() OVER (PARTITION BY source_id ORDER BY ord) AS n
				      FROM imp_account WHERE source_id IS NOT NULL) s
				WHERE s.ord = a.ord AND s.n > 1;
				UPDATE imp_deal d SET source_id = NULL
				FROM (SELECT ord, row_number() OVER (PARTITION BY source_id ORDER BY ord) AS n
				      FROM imp_deal WHERE source_id IS NOT NULL) s
				WHERE s.ord = d.ord AND s.n > 1;
				""").update();
	}

	/** The rules on a deal that need its mapped stage or its history. */
	private void stages(String system, CrmExport.Columns columns) {
		insert("""
				SELECT d.where_ || :column, 'unknown stage ''' || d.stage || '''; map it to a Trellis stage in the mapping step',
				       d.ord, NULL
				FROM imp_deal d LEFT JOIN imp_stage m ON m.key = d.stage_key
				WHERE d.stage IS NOT NULL AND m.stage IS NULL ORDER BY d.ord
				""",
				system, columns.stage());
		insert("""
				SELECT d.where_ || :column, 'stage ''' || d.stage || ''' maps to ' || m.stage
				       || ' but the export says it is ' || CASE WHEN d.closed THEN 'closed' ELSE 'open' END, d.ord, NULL
				FROM imp_deal d JOIN imp_stage m ON m.key = d.stage_key
				WHERE d.closed IS NOT NULL AND (m.stage IN %s) <> d.closed ORDER BY d.ord
				""".formatted(CLOSED), system, columns.stage());
		insert("""
				SELECT d.where_ || :column, 'stage ''' || d.stage || ''' maps to ' || m.stage
				       || ' but the export says it was ' || CASE WHEN d.won THEN 'won' ELSE 'not won' END, d.ord, NULL
				FROM imp_deal d JOIN imp_stage m ON m.key = d.stage_key
				WHERE d.won IS NOT NULL AND (m.stage = 'CLOSED_WON') <> d.won ORDER BY d.ord
				""", system, columns.stage());
		insert("""
				SELECT d.where_ || :column, 'missing Amount: a won deal needs the amount it was won for', d.ord, NULL
				FROM imp_deal d JOIN imp_stage m ON m.key = d.stage_key
				WHERE d.amount_unknown AND m.stage = 'CLOSED_WON' AND NOT d.amount_refused ORDER BY d.ord
				""", system, columns.amount());
		insert("""
				SELECT d.where_ || :column, 'missing ' || :column || ': a closed deal needs the day it closed', d.ord, NULL
				FROM imp_deal d JOIN imp_stage m ON m.key = d.stage_key
				WHERE m.stage IN %s AND d.close_date IS NULL
				  AND NOT EXISTS (SELECT 1 FROM imp_history h WHERE h.opportunity_id = d.source_id)
				  -- a cell refused already (a day the calendar has not) is named once (s55)
				  AND NOT EXISTS (SELECT 1 FROM imp_error e WHERE e.field = d.where_ || :column)
				ORDER BY d.ord
				"""
			.formatted(CLOSED), system, columns.closeDate());
	}

	/**
	 * A closed deal whose creation's business day (in {@code zone}) comes after its close
	 * day, named by its creation column: a deal cannot close before it existed. A row
	 * whose creation or close cell was refused already is not judged again.
	 */
	private void closedBeforeCreated(CrmExport.Columns columns, ZoneId zone) {
		var offset = zone.normalized() instanceof ZoneOffset o ? o : null;
		var at = offset != null ? "INTERVAL '" + offset.getTotalSeconds() + " seconds'" : "'" + zone.getId() + "'";
		var day = "(d.created_at AT TIME ZONE " + at + ")::DATE";
		this.jdbc.sql("""
				INSERT INTO imp_error (field, message, ref_ord, deal_ord)
				SELECT d.where_ || :column, 'created ' || %s || ' (' || %s || ' in %s), after its %s '
				       || d.close_date || ': a closed deal cannot close before it was created', d.ord, NULL
				FROM imp_deal d JOIN imp_stage m ON m.key = d.stage_key
				WHERE m.stage IN %s AND d.close_date IS NOT NULL AND d.created_at IS NOT NULL
				  AND %s > d.close_date
				  AND NOT EXISTS (SELECT 1 FROM imp_error e
				                  WHERE lower(e.field) IN (lower(d.where_ || :column), lower(d.where_ || :close)))
				ORDER BY d.ord
				""".formatted(instant("d.created_at"), day, zone.getId(), columns.closeDate(), CLOSED, day))
			.param("column", columns.createdDate())
			.param("close", columns.closeDate())
			.update();
	}

	/**
	 * A closed deal whose close day comes after {@code today} (the run's business day in
	 * {@code zone}): a deal is won or lost on a day that came. A row whose close cell was
	 * refused already is not judged again.
	 */
	private void closedInFuture(CrmExport.Columns columns, ZoneId zone, LocalDate today) {
		this.jdbc
			.sql("""
					INSERT INTO imp_error (field, message, ref_ord, deal_ord)
					SELECT d.where_ || :column, 'date ' || d.close_date || ' is in the future: a closed deal closed on a day '
					       || 'that came, and today is ' || :today || ' in %s', d.ord, NULL
					FROM imp_deal d JOIN imp_stage m ON m.key = d.stage_key
					WHERE m.stage IN %s AND d.close_date > :day
					  AND NOT EXISTS (SELECT 1 FROM imp_error e WHERE lower(e.field) = lower(d.where_ || :column))
					ORDER BY d.ord
					"""
				.formatted(zone.getId(), CLOSED))
			.param("column", columns.closeDate())
			.param("today", today.toString())
			.param("day", today)
			.update();
	}

	/**
	 * A stage change of a deal not in the file; of a deal whose stage is known, one whose
	 * stage maps to nothing or that comes before the deal was created (which keeps the
	 * deal from being planned).
	 */
	private void history(String system, CrmExport.Columns columns) {
		insert("""
				SELECT h.where_ || :column, 'deal ''' || h.opportunity_id || ''' is not in the file of deals', h.ord, NULL
				FROM imp_history h
				WHERE h.opportunity_id IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM imp_deal d WHERE d.source_id = h.opportunity_id)
				ORDER BY h.ord
				""",
				system, columns.historyDeal());
		var known = """
				FROM imp_history h
				JOIN imp_deal d ON d.source_id = h.opportunity_id AND d.created_at IS NOT NULL
				JOIN imp_stage dm ON dm.key = d.stage_key
				LEFT JOIN imp_stage m ON m.key = h.stage_key
				WHERE h.at IS NOT NULL AND h.stage IS NOT NULL
				""";
		insert("""
				SELECT DISTINCT ON (h.ord) h.where_ || :column,
				       'unknown stage ''' || h.stage || '''; map it to a Trellis stage in the mapping step', h.ord, d.ord
				%s AND m.stage IS NULL ORDER BY h.ord
				"""
			.formatted(known), system, columns.historyStage());
		insert("""
				SELECT DISTINCT ON (h.ord) h.where_ || :column,
				       'stage change at ' || %s || ' is before the opportunity was created (' || %s || ')', h.ord, d.ord
				%s AND m.stage IS NOT NULL AND h.at < d.created_at ORDER BY h.ord
				""".formatted(instant("h.at"), instant("d.created_at"), known), system, columns.historyDate());
	}

	private void links(String system) {
		insert("""
				SELECT l.where_ || 'OpportunityId', 'unknown opportunity ''' || l.opportunity_id
				       || ''': not in the Opportunity file; upload the deal with its partners', l.ord, NULL
				FROM imp_link l
				WHERE l.opportunity_id IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM imp_deal d WHERE d.source_id = l.opportunity_id)
				ORDER BY l.ord
				""", system, "");
		insert("""
				SELECT l.where_ || 'AccountToId', 'unknown partner account ''' || l.partner_id || ''': '
				       || CASE WHEN EXISTS (SELECT 1 FROM imp_account a WHERE a.source_id = l.partner_id AND NOT a.partner)
				                 OR EXISTS (SELECT 1 FROM import_record r WHERE r.source_system = :system
				                            AND r.object_type = 'Account' AND r.source_id = l.partner_id)
				               THEN 'the account is not marked IsPartner'
				               ELSE 'not an IsPartner account of the Account file and not imported before as a partner' END,
				       l.ord, NULL
				FROM imp_link l
				WHERE l.opportunity_id IS NOT NULL AND l.partner_id IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM imp_account a WHERE a.source_id = l.partner_id AND a.partner)
				  AND NOT EXISTS (SELECT 1 FROM import_record r WHERE r.source_system = :system
				                  AND r.object_type = 'Partner' AND r.source_id = l.partner_id)
				ORDER BY l.ord
				""",
				system, "");
	}

	private void insert(String select, String system, String column) {
		this.jdbc.sql("INSERT INTO imp_error (field, message, ref_ord, deal_ord) " + select)
			.param("system", system)
			.param("column", column)
			.update();
	}

	/**
	 * A moment as Java writes an {@code Instant} ({@code 2025-02-11T12:00:00Z}, the
	 * fraction in groups of three digits when there is one), in SQL.
	 */
	static String instant(String column) {
		var utc = "(" + column + " AT TIME ZONE 'UTC')";
		var micros = "mod(extract(MICROSECONDS FROM " + utc + ")::BIGINT, 1000000)";
		return "(to_char(" + utc + ", 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN " + micros + " = 0 THEN '' WHEN mod("
				+ micros + ", 1000) = 0 THEN '.' || lpad((" + micros + " / 1000)::TEXT, 3, '0') ELSE '.' || lpad("
				+ micros + "::TEXT, 6, '0') END || 'Z')";
	}

}
