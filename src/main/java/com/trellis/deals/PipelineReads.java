package com.trellis.deals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.ListConditions;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the open pipeline: the stalled deals and the open deals per stage, partner
 * involvement and currency. Split from {@link OpportunityRepository}, which keeps the
 * deals' own rows; every read binds {@code :scopePartner} from the viewer, as there.
 */
@Repository
class PipelineReads {

	private final JdbcClient jdbc;

	PipelineReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Open deals longer in their stage than the stage's norm ({@link StageNorm}: entered
	 * at or before the norm's days and one more before now; bounds are computed in Java,
	 * not by the database in its session's zone).
	 */
	PageResult<StalledDeal> stalled(Viewer viewer, Map<Stage, Integer> normDays, Collection<Long> owners,
			Collection<Long> partners, Instant now, PageRequest page) {
		if (normDays.isEmpty()) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		// each open stage's norm as a CASE on the row's stage (not a join to a VALUES
		// list), so the oldest entries are read in order from the index
		// opportunity_open_stage_entered_idx (V103) and the page and its count stop early
		var since = new StringBuilder("CASE o.stage");
		var days = new StringBuilder("CASE o.stage");
		var stages = new StringBuilder();
		for (var entry : normDays.entrySet()) {
			var stage = "'" + entry.getKey().name() + "'";
			since.append(" WHEN ")
				.append(stage)
				.append(" THEN CAST('")
				.append(StageNorm.stalledIfEnteredBy(now, entry.getValue().intValue()))
				.append("' AS TIMESTAMPTZ)");
			days.append(" WHEN ").append(stage).append(" THEN ").append(entry.getValue().intValue());
			stages.append(stages.length() == 0 ? "" : ", ").append(stage);
		}
		since.append(" END");
		days.append(" END");
		var conditions = narrowed(viewer, "o.", owners, partners)
			.always("o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.stage IN (" + stages + ")")
			.always("o.stage_entered_at <= " + since);
		var from = "FROM opportunity o " + conditions.where();
		var params = conditions.parameters();
		long counted = this.jdbc.sql(PageRequest.countUpToLimit(from))
			.params(params)
			.param("countLimit", page.countLimit())
			.query(Long.class)
			.single();
		// the page's deals picked first from what the open deals' indexes hold (stage,
		// since when, owner, partner: index-only), then read whole: a team's page visited
		// every open deal of the team in the table to keep 10. The page's size and
		// offset are written as numbers, as the stages' bounds are: with generic plans
		// forced, a plan not knowing the limit sorted every stalled deal of the program
		// for the admin's first page (s67). At PostgreSQL's default the bounds' instant
		// makes each request's text new, so it is planned for its values anyway.
		return PageResult.counted(() -> this.jdbc
			.sql("SELECT " + OpportunityRows.COLUMNS.replaceAll("(\\w+)", "o.$1") + ", " + days + " AS norm_days, "
					+ "floor(extract(epoch FROM (CAST(:now AS TIMESTAMPTZ) - o.stage_entered_at)) / 86400) AS age "
					+ "FROM opportunity o JOIN (SELECT o.id " + from + " ORDER BY o.stage_entered_at, o.id LIMIT "
					+ page.size() + " OFFSET " + page.offset() + ") picked ON picked.id = o.id"
					+ " ORDER BY o.stage_entered_at, o.id")
			.params(params)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new StalledDeal(OpportunityRows.view(rs, n), rs.getLong("age"), rs.getInt("norm_days")))
			.list(), page, counted);
	}

	/**
	 * The open deals counted and summed per stage, partner involvement and currency, in
	 * the viewer's scope, of the given owners and partners (null: any). The whole
	 * program's (vendor staff, any owner and partner) is read from
	 * {@code program_open_stage_fact} (V120, kept by triggers on the deals: a few dozen
	 * rows), the rest from the deals.
	 */
	List<PipelineLine> openPipeline(Viewer viewer, Collection<Long> owners, Collection<Long> partners) {
		if (viewer.scopePartnerId() == null && owners == null && partners == null) {
			return this.jdbc.sql("""
					SELECT stage, partner_involved AS involved, currency, sum(deals) AS deals, sum(amount) AS amount
					FROM program_open_stage_fact
					GROUP BY stage, partner_involved, currency HAVING sum(deals) <> 0
					ORDER BY currency, involved, stage
					""").query(PipelineReads::pipelineLine).list();
		}
		return openPipelineOfDeals(viewer, owners, partners);
	}

	/**
	 * A partner's deals counted per stage in the viewer's scope, in one reading of the
	 * partner's deals (the stages without deals absent): what a search by stage and
	 * partner would count, stage by stage.
	 */
	Map<Stage, Long> countByStage(Viewer viewer, long partnerId) {
		var counts = new java.util.EnumMap<Stage, Long>(Stage.class);
		this.jdbc.sql("""
				SELECT stage, count(*) FROM opportunity WHERE %s AND partner_id = :partner GROUP BY stage
				""".formatted(OpportunityRows.SCOPE))
			.param("scopePartner", viewer.scopePartnerId())
			.param("partner", partnerId)
			.query((rs, n) -> counts.put(Stage.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/** {@link #openPipeline} counted from the deals whatever the scope. */
	List<PipelineLine> openPipelineOfDeals(Viewer viewer, Collection<Long> owners, Collection<Long> partners) {
		var conditions = narrowed(viewer, "", owners, partners).always("stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')");
		return this.jdbc.sql("""
				SELECT stage, partner_id IS NOT NULL AS involved, currency, count(*) AS deals, sum(amount) AS amount
				FROM opportunity %s
				GROUP BY stage, involved, currency
				ORDER BY currency, involved, stage
				""".formatted(conditions.where()))
			.params(conditions.parameters())
			.query(PipelineReads::pipelineLine)
			.list();
	}

	/**
	 * The viewer's partner scope, the owners and the partners (null: any; empty: none)
	 * written only when given, on the deals named {@code alias} ({@code "o."} or
	 * nothing): a generic plan of {@code (:anyOwner OR owner_id = ANY (:owners))} read a
	 * rep's or a PAM's open deals from every open deal, 90-190 ms against a few (s67).
	 */
	private static ListConditions narrowed(Viewer viewer, String alias, Collection<Long> owners,
			Collection<Long> partners) {
		return new ListConditions().when(alias + "partner_id = :scopePartner", "scopePartner", viewer.scopePartnerId())
			.whenAnyOf(alias + "owner_id", "owners", owners)
			.whenAnyOf(alias + "partner_id", "partners", partners);
	}

	private static PipelineLine pipelineLine(ResultSet rs, int row) throws SQLException {
		return new PipelineLine(Stage.valueOf(rs.getString("stage")), rs.getBoolean("involved"),
				rs.getString("currency"), rs.getLong("deals"), rs.getBigDecimal("amount"));
	}

}
