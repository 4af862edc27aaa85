package com.trellis.imports;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The plan of an import as SQL over the run's staging tables: the partner chosen for each
 * deal (the {@code IsPrimary} row, else the first), the deals without an error, their
 * stage moves (the history ordered by time, consecutive rows of one Trellis stage as one
 * move, then the deal's own stage at its close day or last move), their digests, and what
 * each planned row is to the records imported before: new, changed or unchanged.
 */
@Repository
class StagedPlan {

	static final String VALID_LINKS = """
			SELECT l.* FROM imp_link l
			WHERE l.opportunity_id IS NOT NULL AND l.partner_id IS NOT NULL
			  AND EXISTS (SELECT 1 FROM imp_deal d WHERE d.source_id = l.opportunity_id)
			  AND (EXISTS (SELECT 1 FROM imp_account a WHERE a.source_id = l.partner_id AND a.partner)
			       OR EXISTS (SELECT 1 FROM import_record r WHERE r.source_system = :system
			                  AND r.object_type = 'Partner' AND r.source_id = l.partner_id))
			""";

	/**
	 * The planned accounts or partners ({@code :partner}) of the file, each with what it
	 * was imported as before. The record is looked up per row by its whole key (a lateral
	 * {@code LIMIT 1} the planner cannot flatten into a join): the writes add records to
	 * {@code import_record} in the same transaction, its statistics still say it is as
	 * small as before the run, and a plain join was planned as a scan of every record of
	 * the system and object for each row, quadratic in the accounts (a page took over 60
	 * s at 100,000 accounts and the import failed on the query timeout).
	 */
	static final String PLANNED_ACCOUNTS = """
			FROM imp_account a
			LEFT JOIN LATERAL (SELECT k.target_id, k.fingerprint, k.source_owner FROM import_record k
			                   WHERE k.source_system = :system AND k.object_type = :object AND k.source_id = a.source_id
			                   LIMIT 1) r ON TRUE
			WHERE a.partner = :partner AND a.errors IS NULL AND a.fingerprint IS NOT NULL
			  AND NOT EXISTS (SELECT 1 FROM imp_error e WHERE e.ref_ord = a.ord)
			""";

	private final JdbcClient jdbc;

	StagedPlan(DataSource dataSource) {
		// SQL over a whole run's staging tables (a million rows and more): without the
		// request-sized query timeout (spring.jdbc.template.query-timeout), in the run's
		// transaction
		this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
	}

	/** A partner role of the rows that put a partner on a deal, with how many do. */
	record Role(String shown, int rows) {
	}

	/**
	 * Chooses the partner of each deal, returns the roles used (in the order the file
	 * first names them) and warns of the rows left out.
	 */
	List<Role> links(String system, ImportStaging staging) {
		this.jdbc.sql("""
				CREATE TEMPORARY TABLE imp_chosen ON COMMIT DROP AS
				SELECT DISTINCT ON (opportunity_id) opportunity_id, partner_id, role_key FROM (%s) v
				ORDER BY opportunity_id, is_primary DESC, ord
				""".formatted(VALID_LINKS)).param("system", system).update();
		var roles = this.jdbc.sql("""
				SELECT (array_agg(role_shown ORDER BY ord))[1], count(*) FROM (%s) v GROUP BY role_key ORDER BY min(ord)
				""".formatted(VALID_LINKS))
			.param("system", system)
			.query((rs, n) -> new Role(rs.getString(1), rs.getInt(2)))
			.list();
		this.jdbc.sql(
				"INSERT INTO imp_warning (text) SELECT warning FROM imp_account WHERE warning IS NOT NULL ORDER BY ord")
			.update();
		long between = this.jdbc.sql("SELECT count(*) FROM imp_link WHERE opportunity_id IS NULL")
			.query(Long.class)
			.single();
		if (between > 0) {
			staging.warning(between + " Partner rows link two accounts, not a deal; left out");
		}
		long secondary = roles.stream().mapToLong(Role::rows).sum()
				- this.jdbc.sql("SELECT count(*) FROM imp_chosen").query(Long.class).single();
		if (secondary > 0) {
			staging.warning(secondary
					+ " partner rows name a second partner on a deal; a Trellis deal has one partner: the primary one"
					+ " (IsPrimary), else the first row, is imported");
		}
		return roles;
	}

	/** Keeps the Trellis stage of each source stage that has one. */
	void stages(StageMap stages) {
		stages.mapped()
			.forEach((key, stage) -> this.jdbc.sql("INSERT INTO imp_stage (key, stage) VALUES (:key, :stage)")
				.param("key", key)
				.param("stage", stage.name())
				.update());
	}

	/** Keeps the credit type of each partner role. */
	void credits(List<Role> roles, PartnerCredits credits) {
		for (var role : roles) {
			var type = credits.of(role.shown());
			if (type != null) {
				this.jdbc.sql("INSERT INTO imp_credit (key, credit) VALUES (:key, :credit) ON CONFLICT DO NOTHING")
					.param("key", role.shown().toLowerCase(java.util.Locale.ROOT))
					.param("credit", type.name())
					.update();
			}
		}
	}

	/**
	 * Plans the deals that have no error: their moves, partner and digest, and whether
	 * each is new, changed or unchanged; warns of each deal imported without its amount.
	 * A closed deal's closing move is put on its close date ({@link CloseDayMoves}, named
	 * by {@code closeColumn}) before the digests are taken.
	 */
	void plan(String system, ZoneId zone, java.time.Instant now, String closeColumn) {
		this.jdbc
			.sql("""
					CREATE TEMPORARY TABLE imp_plan_deal ON COMMIT DROP AS
					SELECT d.ord, d.where_, d.source_id, btrim(d.account_id) AS account_source, d.name, d.amount, d.currency,
					       d.close_date, d.owner_email, d.created_at, d.amount_unknown, d.fp_prefix, m.stage AS mapped,
					       c.partner_id AS partner_source, cr.credit
					FROM imp_deal d
					JOIN imp_stage m ON m.key = d.stage_key
					LEFT JOIN imp_chosen c ON c.opportunity_id = d.source_id
					LEFT JOIN imp_credit cr ON cr.key = c.role_key
					WHERE d.errors IS NULL AND d.fp_prefix IS NOT NULL
					  AND NOT EXISTS (SELECT 1 FROM imp_error e WHERE e.ref_ord = d.ord)
					  AND NOT EXISTS (SELECT 1 FROM imp_error e WHERE e.deal_ord = d.ord);
					CREATE TEMPORARY TABLE imp_move ON COMMIT DROP AS
					SELECT deal_ord, (row_number() OVER (PARTITION BY deal_ord ORDER BY at, ord))::INT AS n, stage, at
					FROM (SELECT p.ord AS deal_ord, h.ord, h.at, m.stage,
					             lag(m.stage) OVER (PARTITION BY p.ord ORDER BY h.at, h.ord) AS before
					      FROM imp_plan_deal p
					      JOIN imp_history h ON h.opportunity_id = p.source_id
					      JOIN imp_stage m ON m.key = h.stage_key
					      WHERE h.at IS NOT NULL) s
					WHERE before IS DISTINCT FROM stage
					""")
			.update();
		this.jdbc
			.sql("""
					INSERT INTO imp_move (deal_ord, n, stage, at)
					SELECT p.ord, coalesce(l.n, 0) + 1, p.mapped,
					       CASE WHEN p.mapped IN ('CLOSED_WON', 'CLOSED_LOST') AND p.close_date IS NOT NULL
					            THEN greatest(coalesce(l.at, p.created_at), p.close_date::TIMESTAMP AT TIME ZONE :zone)
					            ELSE coalesce(l.at, p.created_at) END
					FROM imp_plan_deal p
					LEFT JOIN (SELECT DISTINCT ON (deal_ord) deal_ord, n, stage, at FROM imp_move ORDER BY deal_ord, n DESC) l
					       ON l.deal_ord = p.ord
					WHERE l.stage IS DISTINCT FROM p.mapped
					""")
			.param("zone", zone.getId())
			.update();
		this.jdbc.sql("CREATE INDEX ON imp_move (deal_ord, n)").update();
		CloseDayMoves.align(this.jdbc, zone, now, closeColumn);
		this.jdbc
			.sql("""
					CREATE TEMPORARY TABLE imp_plan ON COMMIT DROP AS
					SELECT p.*, mv.moves_count,
					       encode(sha256(convert_to(p.fp_prefix || mv.moves || ', amountUnknown=' || p.amount_unknown
					              || ', partnerSourceId=' || coalesce(p.partner_source, 'null') || ', credit='
					              || coalesce(p.credit, 'null') || ']', 'UTF8')), 'hex') AS fingerprint,
					       r.target_id, r.fingerprint AS known_fingerprint, r.source_owner AS known_owner
					FROM imp_plan_deal p
					JOIN (SELECT deal_ord, count(*) AS moves_count,
					             '[' || string_agg('Move[stage=' || stage || ', at=' || %s || ']', ', ' ORDER BY n) || ']' AS moves
					      FROM imp_move GROUP BY deal_ord) mv ON mv.deal_ord = p.ord
					LEFT JOIN import_record r ON r.source_system = :system AND r.object_type = 'Opportunity'
					                         AND r.source_id = p.source_id;
					CREATE INDEX ON imp_plan (ord);
					ANALYZE imp_plan; ANALYZE imp_move;
					CREATE TEMPORARY TABLE imp_known_last (target_id BIGINT PRIMARY KEY, last_at TIMESTAMPTZ, stage TEXT) ON COMMIT DROP;
					"""
				.formatted(StagedChecks.instant("at")))
			.param("system", system)
			.update();
		this.jdbc.sql("""
				INSERT INTO imp_warning (text)
				SELECT where_ || 'Amount missing on ' || CASE WHEN mapped IN ('CLOSED_WON', 'CLOSED_LOST') THEN 'a lost'
				       ELSE 'an open' END || ' deal; imported with the amount unknown (0, left out of weighted figures)'
				FROM imp_plan WHERE amount_unknown ORDER BY ord
				""").update();
	}

	/** New, changed and unchanged planned accounts ({@code Account}) or partners. */
	ImportReport.Counts accounts(String system, boolean partner) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE r.target_id IS NULL),
				       count(*) FILTER (WHERE r.target_id IS NOT NULL AND r.fingerprint <> a.fingerprint),
				       count(*) FILTER (WHERE r.fingerprint = a.fingerprint)
				""" + PLANNED_ACCOUNTS)
			.param("system", system)
			.param("object", partner ? "Partner" : "Account")
			.param("partner", partner)
			.query((rs, n) -> new ImportReport.Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	ImportReport.Counts deals() {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE target_id IS NULL),
				       count(*) FILTER (WHERE target_id IS NOT NULL AND known_fingerprint <> fingerprint),
				       count(*) FILTER (WHERE known_fingerprint = fingerprint)
				FROM imp_plan
				""").query((rs, n) -> new ImportReport.Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
	}

	/**
	 * The stage moves of the planned deals: to write (every move of a new deal, and those
	 * of a deal imported before that come after the last move it has,
	 * {@code imp_known_last}) and unchanged (a known deal's moves up to that last one,
	 * which Trellis holds already).
	 */
	ImportReport.Counts moves() {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE p.target_id IS NULL OR k.last_at IS NULL OR m.at > k.last_at),
				       count(*) FILTER (WHERE p.target_id IS NOT NULL AND k.last_at IS NOT NULL AND m.at <= k.last_at)
				FROM imp_plan p JOIN imp_move m ON m.deal_ord = p.ord
				LEFT JOIN imp_known_last k ON k.target_id = p.target_id
				""").query((rs, n) -> new ImportReport.Counts(rs.getInt(1), 0, rs.getInt(2))).single();
	}

	/** The deals imported before, a page at a time after {@code after} (their ords). */
	List<long[]> knownDeals(long after, int page) {
		return this.jdbc.sql(
				"SELECT ord, target_id FROM imp_plan WHERE target_id IS NOT NULL AND ord > :after ORDER BY ord LIMIT :page")
			.param("after", after)
			.param("page", page)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	/** Keeps when each deal imported before last moved (a page of them). */
	void knownLastMoves(java.util.Map<Long, java.time.Instant> last, java.util.Map<Long, String> stages) {
		// a statement per 10,000 deals (PostgreSQL takes at most 65,535 parameters), not
		// one per deal
		var ids = List.copyOf(last.keySet());
		for (int from = 0; from < ids.size(); from += 10_000) {
			var chunk = ids.subList(from, Math.min(ids.size(), from + 10_000));
			var params = new ArrayList<Object>();
			for (var id : chunk) {
				params.add(id);
				params.add(java.sql.Timestamp.from(last.get(id)));
				params.add(stages.get(id));
			}
			this.jdbc
				.sql("INSERT INTO imp_known_last (target_id, last_at, stage) VALUES "
						+ String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?)")))
				.params(params)
				.update();
		}
	}

	/**
	 * A later export whose open deal is in another stage than Trellis holds, with no
	 * history row after the last one Trellis has (the export's history ends where it did,
	 * or it has no history file): the move to the file's stage is dated at the import's
	 * moment, so it is written, and a warning names the row. Only when Trellis's last
	 * move is the file's last one (nobody moved the deal in Trellis since): a deal moved
	 * in Trellis after that keeps its stage, also with a warning. Rows the file did not
	 * change are left alone.
	 */
	void stagesWithoutHistory(java.time.Instant now) {
		this.jdbc
			.sql("""
					CREATE TEMPORARY TABLE imp_stage_moved ON COMMIT DROP AS
					SELECT DISTINCT ON (m.deal_ord) m.deal_ord, m.n, m.stage, m.at, p.where_, k.last_at, k.stage AS known
					FROM imp_plan p JOIN imp_move m ON m.deal_ord = p.ord JOIN imp_known_last k ON k.target_id = p.target_id
					WHERE p.known_fingerprint IS DISTINCT FROM p.fingerprint
					ORDER BY m.deal_ord, m.n DESC;
					DELETE FROM imp_stage_moved WHERE at > last_at OR stage = known OR stage IN ('CLOSED_WON', 'CLOSED_LOST');
					UPDATE imp_move m SET at = greatest(:now, s.last_at + INTERVAL '1 millisecond')
					FROM imp_stage_moved s WHERE m.deal_ord = s.deal_ord AND m.n = s.n AND s.at = s.last_at;
					INSERT INTO imp_warning (text)
					SELECT where_ || CASE WHEN at = last_at
					       THEN 'the stage is now ' || stage || ' with no history row after the last one imported; the move is'
					            || ' recorded at the import''s time'
					       ELSE 'the stage ' || stage || ' is not applied: the deal was moved in Trellis (to ' || known
					            || ') after the last history row of the file; it keeps its stage' END
					FROM imp_stage_moved ORDER BY deal_ord;
					""")
			.param("now", java.sql.Timestamp.from(now))
			.update();
	}

	/** The owners' e-mails of the planned partners not imported before (few). */
	List<String> newPartnerOwners(String system) {
		return this.jdbc.sql("SELECT a.owner_email " + PLANNED_ACCOUNTS + " AND r.target_id IS NULL ORDER BY a.ord")
			.param("system", system)
			.param("object", "Partner")
			.param("partner", true)
			.query(String.class)
			.list();
	}

}
