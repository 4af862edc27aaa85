package com.trellis.imports;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.PgCopy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The staging tables of one CRM import run: temporary tables of the run's own connection
 * and transaction (so keyed by the run, unlogged, dropped at commit or rollback), into
 * which each file's rows are copied ({@code COPY}) as they are read, each row with the
 * errors its own cells have (a JSON list) and its place in the file. The rules that need
 * other rows, the plan and the writes read them with SQL; the errors of the run are
 * gathered in {@code imp_error}, which the report lists from (file by file, row by row).
 */
@Repository
class ImportStaging {

	static final List<String> ACCOUNT_COLUMNS = List.of("ord", "where_", "source_id", "name", "domain", "industry",
			"owner_email", "created_at", "partner", "type", "country", "fingerprint", "errors", "warning");

	static final List<String> DEAL_COLUMNS = List.of("ord", "where_", "source_id", "account_id", "name", "stage",
			"stage_key", "closed", "won", "amount", "amount_unknown", "amount_refused", "currency", "close_date",
			"owner_email", "created_at", "fp_prefix", "errors");

	static final List<String> HISTORY_COLUMNS = List.of("ord", "where_", "opportunity_id", "stage", "stage_key", "at",
			"errors");

	static final List<String> LINK_COLUMNS = List.of("ord", "file", "where_", "link_id", "opportunity_id", "partner_id",
			"role_shown", "role_key", "is_primary", "errors");

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	ImportStaging(DataSource dataSource) {
		// indexes and analyses a whole run's staging tables: without the request-sized
		// query timeout (spring.jdbc.template.query-timeout), in the run's transaction
		this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
		this.dataSource = dataSource;
	}

	/** Creates the run's staging tables (empty) on the transaction's connection. */
	void create() {
		this.jdbc
			.sql("""
					DROP TABLE IF EXISTS imp_account, imp_deal, imp_history, imp_link, imp_error, imp_warning, imp_stage,
					     imp_credit, imp_chosen, imp_plan_deal, imp_move, imp_plan, imp_known_last, imp_keep_owner;
					CREATE TEMPORARY TABLE imp_account (ord BIGINT, where_ TEXT, source_id TEXT, name TEXT, domain TEXT,
					    industry TEXT, owner_email TEXT, created_at TIMESTAMPTZ, partner BOOLEAN, type TEXT, country TEXT,
					    fingerprint TEXT, errors JSONB, warning TEXT) ON COMMIT DROP;
					CREATE TEMPORARY TABLE imp_deal (ord BIGINT, where_ TEXT, source_id TEXT, account_id TEXT, name TEXT,
					    stage TEXT, stage_key TEXT, closed BOOLEAN, won BOOLEAN, amount NUMERIC, amount_unknown BOOLEAN,
					    amount_refused BOOLEAN, currency TEXT, close_date DATE, owner_email TEXT, created_at TIMESTAMPTZ,
					    fp_prefix TEXT, errors JSONB) ON COMMIT DROP;
					CREATE TEMPORARY TABLE imp_history (ord BIGINT, where_ TEXT, opportunity_id TEXT, stage TEXT,
					    stage_key TEXT, at TIMESTAMPTZ, errors JSONB) ON COMMIT DROP;
					CREATE TEMPORARY TABLE imp_link (ord BIGINT, file TEXT, where_ TEXT, link_id TEXT, opportunity_id TEXT,
					    partner_id TEXT, role_shown TEXT, role_key TEXT, is_primary BOOLEAN, errors JSONB) ON COMMIT DROP;
					CREATE TEMPORARY TABLE imp_error (seq BIGINT GENERATED ALWAYS AS IDENTITY, field TEXT NOT NULL,
					    message TEXT NOT NULL, ref_ord BIGINT, deal_ord BIGINT,
					    file_key TEXT GENERATED ALWAYS AS (coalesce(substring(field FROM '^(\\S+) row \\d+: '), '')) STORED,
					    row_key BIGINT GENERATED ALWAYS AS (coalesce(substring(field FROM '^\\S+ row (\\d+): ')::BIGINT, 0)) STORED)
					    ON COMMIT DROP;
					CREATE TEMPORARY TABLE imp_warning (seq BIGINT GENERATED ALWAYS AS IDENTITY, text TEXT NOT NULL)
					    ON COMMIT DROP;
					CREATE TEMPORARY TABLE imp_stage (key TEXT PRIMARY KEY, stage TEXT NOT NULL) ON COMMIT DROP;
					CREATE TEMPORARY TABLE imp_credit (key TEXT PRIMARY KEY, credit TEXT NOT NULL) ON COMMIT DROP;
					CREATE TEMPORARY TABLE imp_keep_owner (object TEXT NOT NULL, ord BIGINT NOT NULL,
					    PRIMARY KEY (object, ord)) ON COMMIT DROP;
					""")
			.update();
	}

	/** Starts copying rows into a staging table; the caller finishes (or closes) it. */
	PgCopy copy(String table, List<String> columns) {
		return PgCopy.into(this.dataSource, table, columns);
	}

	/** Indexes the loaded staging tables and gives the planner their sizes. */
	void loaded() {
		this.jdbc.sql("""
				CREATE INDEX ON imp_account (source_id);
				CREATE INDEX ON imp_account (ord);
				CREATE INDEX ON imp_deal (source_id);
				CREATE INDEX ON imp_history (opportunity_id);
				CREATE INDEX ON imp_link (opportunity_id);
				ANALYZE imp_account; ANALYZE imp_deal; ANALYZE imp_history; ANALYZE imp_link;
				""").update();
	}

	/** Adds errors that name no staged row (headers, mapping choices, the User file). */
	void errors(List<FieldError> errors) {
		for (var e : errors) {
			this.jdbc.sql("INSERT INTO imp_error (field, message) VALUES (:field, :message)")
				.param("field", e.field())
				.param("message", e.message())
				.update();
		}
	}

	void warning(String text) {
		this.jdbc.sql("INSERT INTO imp_warning (text) VALUES (:text)").param("text", text).update();
	}

	/** Moves the errors each staged row carries into the run's error table, in order. */
	void rowErrors() {
		this.jdbc.sql("""
				INSERT INTO imp_error (field, message, ref_ord)
				SELECT x.e ->> 'f', x.e ->> 'm', s.ord
				FROM (SELECT ord, errors FROM imp_account WHERE errors IS NOT NULL
				      UNION ALL SELECT ord, errors FROM imp_deal WHERE errors IS NOT NULL
				      UNION ALL SELECT ord, errors FROM imp_history WHERE errors IS NOT NULL
				      UNION ALL SELECT ord, errors FROM imp_link WHERE errors IS NOT NULL) s,
				     jsonb_array_elements(s.errors) WITH ORDINALITY AS x(e, i)
				ORDER BY s.ord, x.i
				""").update();
	}

	long errorCount() {
		return this.jdbc.sql("SELECT count(*) FROM imp_error").query(Long.class).single();
	}

	/**
	 * The first {@code limit} errors, file by file and row by row (errors without a row
	 * first), each row's in the order they were found.
	 */
	List<FieldError> errors(int limit) {
		return this.jdbc.sql("""
				SELECT field, message FROM imp_error ORDER BY file_key COLLATE "C", row_key, seq LIMIT :limit
				""").param("limit", limit).query((rs, n) -> new FieldError(rs.getString(1), rs.getString(2))).list();
	}

	/**
	 * The first {@code limit} warnings in the order they were found, and how many more.
	 */
	List<String> warnings(int limit) {
		var listed = new ArrayList<>(this.jdbc.sql("SELECT text FROM imp_warning ORDER BY seq LIMIT :limit")
			.param("limit", limit)
			.query(String.class)
			.list());
		long all = this.jdbc.sql("SELECT count(*) FROM imp_warning").query(Long.class).single();
		if (all > limit) {
			listed.add((all - limit) + " more rows were imported by the rules for gaps (not listed)");
		}
		return listed;
	}

	/** A cell's errors as the JSON list a staged row carries; null without errors. */
	static String json(List<FieldError> errors) {
		if (errors.isEmpty()) {
			return null;
		}
		var json = new StringBuilder("[");
		for (var e : errors) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append("{\"f\":");
			quote(json, e.field());
			json.append(",\"m\":");
			quote(json, e.message());
			json.append('}');
		}
		return json.append(']').toString();
	}

	private static void quote(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c == 0) {
				json.append('\uFFFD');
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		json.append('"');
	}

}
