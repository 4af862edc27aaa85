package com.trellis.deals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every read binds {@code :scopePartner} from the viewer, so a partner user's queries
 * only ever return deals their own partner is on.
 */
@Repository
class OpportunityRepository {

	private static final String SCOPE = "(CAST(:scopePartner AS BIGINT) IS NULL OR partner_id = :scopePartner)";

	private static final String COLUMNS = """
			id, account_id, name, amount, currency, stage, close_date, owner_id, source, partner_id, credit_type,
			partner_share, stage_entered_at, created_at, closed_at, amount_unknown
			""";

	private final JdbcClient jdbc;

	OpportunityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The order a deal list is worked in: open deals first, the one closing soonest on
	 * top (an overdue close date before a later one); then closed deals, the most
	 * recently closing first.
	 */
	static final String WORK_ORDER = """
			(stage IN ('CLOSED_WON', 'CLOSED_LOST')),
			CASE WHEN stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') THEN close_date END ASC NULLS LAST,
			close_date DESC NULLS LAST, id DESC""";

	PageResult<OpportunityView> search(Viewer viewer, DealFilter filter, Collection<Long> owners, PageRequest page) {
		return search(viewer, filter, owners, null, page);
	}

	/**
	 * Deals the viewer may see, narrowed to {@code owners} and to deals with one of
	 * {@code partners} when either is not null (an empty list matches none).
	 */
	PageResult<OpportunityView> search(Viewer viewer, DealFilter filter, Collection<Long> owners,
			Collection<Long> partners, PageRequest page) {
		var where = """
				WHERE %s
				  AND (CAST(:q AS TEXT) IS NULL OR name ILIKE '%%' || :q || '%%')
				  AND (CAST(:stage AS TEXT) IS NULL OR stage = :stage)
				  AND (CAST(:open AS BOOLEAN) IS NULL OR (stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) = :open)
				  AND (CAST(:owner AS BIGINT) IS NULL OR owner_id = :owner)
				  AND (CAST(:partner AS BIGINT) IS NULL OR partner_id = :partner)
				  AND (CAST(:account AS BIGINT) IS NULL OR account_id = :account)
				  AND (CAST(:involved AS BOOLEAN) IS NULL OR (partner_id IS NOT NULL) = :involved)
				  AND (:anyOwner OR owner_id IN (:owners))
				  AND (:anyPartner OR partner_id IN (:partners))
				""".formatted(SCOPE);
		Map<String, Object> params = new HashMap<>();
		params.put("scopePartner", viewer.scopePartnerId());
		params.put("q", filter.q() == null || filter.q().isBlank() ? null : filter.q().strip());
		params.put("stage", filter.stage() == null ? null : filter.stage().name());
		params.put("open", filter.open());
		params.put("owner", filter.ownerId());
		params.put("partner", filter.partnerId());
		params.put("account", filter.accountId());
		params.put("involved", filter.partnerInvolved());
		params.put("anyOwner", owners == null);
		params.put("owners", owners == null || owners.isEmpty() ? List.of(-1L) : owners);
		params.put("anyPartner", partners == null);
		params.put("partners", partners == null || partners.isEmpty() ? List.of(-1L) : partners);
		long counted = this.jdbc.sql(PageRequest.countUpToLimit("FROM opportunity " + where))
			.params(params)
			.param("countLimit", page.countLimit())
			.query(Long.class)
			.single();
		// the deals of some owners (a rep's, a team's): the page picked first from the
		// open deals' owner index alone (V134), then read whole; a team's page read every
		// deal of the team from the table to keep 15
		var select = owners == null
				? "SELECT " + COLUMNS + " FROM opportunity " + where + " ORDER BY " + WORK_ORDER
						+ " LIMIT :limit OFFSET :offset"
				: "SELECT " + COLUMNS + " FROM opportunity JOIN (SELECT id AS picked_id FROM opportunity " + where
						+ " ORDER BY " + WORK_ORDER + " LIMIT :limit OFFSET :offset) picked ON picked.picked_id = id"
						+ " ORDER BY " + WORK_ORDER;
		var items = this.jdbc.sql(select)
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(OpportunityRepository::view)
			.list();
		return PageResult.counted(items, page, counted);
	}

	/**
	 * The first {@code limit} open deals of {@code owners} the viewer may see, in the
	 * work order ({@link #WORK_ORDER}, which for open deals alone is the close date,
	 * soonest first and undated last, then the newest first): the deals and order of
	 * {@link #search} with an open filter on its first page of that size, without a
	 * count. Read in that order from {@code opportunity_open_close_idx} (V162), so every
	 * rep's ~210,000 open deals are no longer all read to keep 100.
	 */
	List<OpportunityView> firstOpen(Viewer viewer, Collection<Long> owners, int limit) {
		if (owners.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM opportunity WHERE " + SCOPE + """
				 AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND owner_id = ANY (:owners)
				ORDER BY close_date ASC NULLS LAST, id DESC LIMIT :limit
				""")
			.param("scopePartner", viewer.scopePartnerId())
			.param("owners", owners.toArray(Long[]::new))
			.param("limit", limit)
			.query(OpportunityRepository::view)
			.list();
	}

	Optional<OpportunityView> find(Viewer viewer, long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM opportunity WHERE id = :id AND " + SCOPE)
			.param("id", id)
			.param("scopePartner", viewer.scopePartnerId())
			.query(OpportunityRepository::view)
			.optional();
	}

	/** Gives every open deal of one owner to another; returns the ids moved. */
	List<Long> handOverOpen(long fromOwner, long toOwner, Instant now) {
		return this.jdbc.sql("""
				UPDATE opportunity SET owner_id = :to, updated_at = :now, version = version + 1
				WHERE owner_id = :from AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') RETURNING id
				""")
			.param("to", toOwner)
			.param("from", fromOwner)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	long countOpenOwnedBy(long owner) {
		return this.jdbc.sql(
				"SELECT count(*) FROM opportunity WHERE owner_id = :owner AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')")
			.param("owner", owner)
			.query(Long.class)
			.single();
	}

	Optional<OpportunityView> findForUpdate(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM opportunity WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(OpportunityRepository::view)
			.optional();
	}

	/** Opens a deal; it is open (the caller checked), so it has no close time yet. */
	long insert(OpportunityCommand command, long ownerId, Instant now) {
		return this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
					                         partner_id, credit_type, partner_share, stage_entered_at, created_at, closed_at,
					                         updated_at)
					VALUES (:account, :name, :amount, :currency, :stage, :closeDate, :owner, :source, :partner, :credit,
					        :share, :now, :now, NULL, :now)
					RETURNING id
					""")
			.params(params(command, ownerId))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** Saves an edit; the stage, its times and the close are the process's to change. */
	void update(long id, OpportunityCommand command, long ownerId, Instant now) {
		this.jdbc.sql("""
				UPDATE opportunity SET account_id = :account, name = :name, amount = :amount, currency = :currency,
				       amount_unknown = (amount_unknown AND amount = :amount),
				       close_date = :closeDate, owner_id = :owner, source = :source, partner_id = :partner,
				       credit_type = :credit, partner_share = :share, updated_at = :now, version = version + 1
				WHERE id = :id
				""").params(params(command, ownerId)).param("now", Timestamp.from(now)).param("id", id).update();
	}

	/** A closed deal's corrected amount and currency. */
	void correctMoney(long id, java.math.BigDecimal amount, String currency, Instant now) {
		this.jdbc
			.sql("""
					UPDATE opportunity SET amount = :amount, amount_unknown = FALSE, currency = :currency, updated_at = :now,
					       version = version + 1
					WHERE id = :id
					""")
			.param("amount", amount)
			.param("currency", currency)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	List<OpportunityView> openOnAccounts(Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM opportunity WHERE account_id IN (:accounts) AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				ORDER BY created_at, id
				""").param("accounts", accountIds).query(OpportunityRepository::view).list();
	}

	void attachPartner(long id, long partnerId, CreditType creditType, java.math.BigDecimal share, Instant now) {
		this.jdbc.sql("""
				UPDATE opportunity SET partner_id = :partner, credit_type = :credit, partner_share = :share,
				       updated_at = :now, version = version + 1
				WHERE id = :id
				""")
			.param("partner", partnerId)
			.param("credit", creditType.name())
			.param("share", share)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void changeCredit(long id, CreditType creditType, java.math.BigDecimal share, DealSource source, Instant now) {
		this.jdbc
			.sql("""
					UPDATE opportunity SET credit_type = :credit, partner_share = :share, source = :source, updated_at = :now,
					       version = version + 1
					WHERE id = :id
					""")
			.param("credit", creditType.name())
			.param("share", share)
			.param("source", source.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/**
	 * Moves a deal from one stage to another, only if it is still in the stage the caller
	 * saw (false when someone moved it meanwhile); closing it also sets its close date to
	 * {@code closedOn}, the business day it closed, so a won deal never keeps a future
	 * close date while its revenue counts now.
	 */
	boolean moveStage(long id, Stage from, Stage to, Instant now, java.time.LocalDate closedOn) {
		return this.jdbc
			.sql("""
					UPDATE opportunity SET stage = :stage, stage_entered_at = :now, updated_at = :now, version = version + 1,
					       closed_at = CASE WHEN :closed THEN CAST(:now AS TIMESTAMPTZ) ELSE NULL END,
					       close_date = CASE WHEN :closed THEN CAST(:closedOn AS DATE) ELSE close_date END
					WHERE id = :id AND stage = :from
					""")
			.param("stage", to.name())
			.param("from", from.name())
			.param("now", Timestamp.from(now))
			.param("closed", to.isClosed())
			.param("closedOn", java.sql.Date.valueOf(closedOn))
			.param("id", id)
			.update() == 1;
	}

	void reassignOwner(long id, long ownerId, Instant now) {
		this.jdbc
			.sql("UPDATE opportunity SET owner_id = :owner, updated_at = :now, version = version + 1 WHERE id = :id")
			.param("owner", ownerId)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
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
		// list),
		// so the oldest entries are read in order from opportunity_open_stage_entered_idx
		// (V103) and the page and its count stop early
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
		var from = """
				FROM opportunity o
				WHERE %s AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.stage IN (%s)
				  AND o.stage_entered_at <= %s AND (:anyOwner OR o.owner_id IN (:owners))
				  AND (:anyPartner OR o.partner_id IN (:partners))
				""".formatted(SCOPE.replace("partner_id", "o.partner_id"), stages, since);
		var ownerIds = owners == null || owners.isEmpty() ? List.of(-1L) : owners;
		var partnerIds = partners == null || partners.isEmpty() ? List.of(-1L) : partners;
		long counted = this.jdbc.sql(PageRequest.countUpToLimit(from))
			.param("countLimit", page.countLimit())
			.param("now", Timestamp.from(now))
			.param("scopePartner", viewer.scopePartnerId())
			.param("anyOwner", owners == null)
			.param("owners", ownerIds)
			.param("anyPartner", partners == null)
			.param("partners", partnerIds)
			.query(Long.class)
			.single();
		// the page's deals picked first from what the open deals' indexes hold (stage,
		// since
		// when, owner, partner: index-only), then read whole: a team's page visited every
		// open deal of the team in the table to keep 10
		var items = this.jdbc
			.sql("SELECT " + COLUMNS.replaceAll("(\\w+)", "o.$1") + ", " + days + " AS norm_days, "
					+ "floor(extract(epoch FROM (CAST(:now AS TIMESTAMPTZ) - o.stage_entered_at)) / 86400) AS age "
					+ "FROM opportunity o JOIN (SELECT o.id " + from
					+ " ORDER BY o.stage_entered_at, o.id LIMIT :limit OFFSET :offset) picked ON picked.id = o.id"
					+ " ORDER BY o.stage_entered_at, o.id")
			.param("now", Timestamp.from(now))
			.param("scopePartner", viewer.scopePartnerId())
			.param("anyOwner", owners == null)
			.param("owners", ownerIds)
			.param("anyPartner", partners == null)
			.param("partners", partnerIds)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new StalledDeal(view(rs, n), rs.getLong("age"), rs.getInt("norm_days")))
			.list();
		return PageResult.counted(items, page, counted);
	}

	List<OpportunityView> wonDeals(long partnerId) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM opportunity WHERE partner_id = :partner AND stage = 'CLOSED_WON' ORDER BY closed_at, id
				""").param("partner", partnerId).query(OpportunityRepository::view).list();
	}

	List<OpportunityView> wonDeals(java.util.Collection<Long> ids) {
		var result = new java.util.ArrayList<OpportunityView>();
		var list = List.copyOf(ids);
		for (int from = 0; from < list.size(); from += 5000) {
			result.addAll(this.jdbc.sql("SELECT " + COLUMNS + """
					 FROM opportunity WHERE id IN (:ids) AND stage = 'CLOSED_WON'
					""")
				.param("ids", list.subList(from, Math.min(list.size(), from + 5000)))
				.query(OpportunityRepository::view)
				.list());
		}
		return result;
	}

	List<PartnerRevenue> wonRevenue(Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT partner_id, currency, amount, id FROM opportunity
				WHERE partner_id IS NOT NULL AND stage = 'CLOSED_WON' AND closed_at >= :from AND closed_at < :to
				ORDER BY partner_id, id
				""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new PartnerRevenue(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)))
			.list();
	}

	long[] closedSince(long partnerId, Instant since) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE stage = 'CLOSED_WON'), count(*) FILTER (WHERE stage = 'CLOSED_LOST')
				FROM opportunity WHERE partner_id = :partner AND closed_at >= :since
				""")
			.param("partner", partnerId)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	PartnerFirsts firsts(long partnerId, Instant since) {
		return this.jdbc.sql("""
				SELECT min(created_at) FILTER (WHERE created_at >= :since) AS first_deal,
				       min(closed_at) FILTER (WHERE stage = 'CLOSED_WON' AND closed_at >= :since) AS first_win
				FROM opportunity WHERE partner_id = :partner
				""").param("partner", partnerId).param("since", Timestamp.from(since)).query((rs, n) -> {
			var deal = rs.getTimestamp("first_deal");
			var win = rs.getTimestamp("first_win");
			return new PartnerFirsts(deal == null ? null : deal.toInstant(), win == null ? null : win.toInstant());
		}).single();
	}

	void recordStageChange(long id, Stage from, Stage to, long changedBy, Instant at) {
		this.jdbc.sql("""
				INSERT INTO opportunity_stage_change (opportunity_id, from_stage, to_stage, changed_by, changed_at)
				VALUES (:id, :from, :to, :by, :at)
				""")
			.param("id", id)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("by", changedBy)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<StageChange> stageHistory(long id) {
		return this.jdbc.sql("""
				SELECT from_stage, to_stage, changed_by, changed_at FROM opportunity_stage_change
				WHERE opportunity_id = :id ORDER BY changed_at, id
				""")
			.param("id", id)
			.query((rs, n) -> new StageChange(
					rs.getString("from_stage") == null ? null : Stage.valueOf(rs.getString("from_stage")),
					Stage.valueOf(rs.getString("to_stage")), rs.getObject("changed_by", Long.class),
					rs.getTimestamp("changed_at").toInstant()))
			.list();
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
					""").query(OpportunityRepository::pipelineLine).list();
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
				""".formatted(SCOPE))
			.param("scopePartner", viewer.scopePartnerId())
			.param("partner", partnerId)
			.query((rs, n) -> counts.put(Stage.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/** {@link #openPipeline} counted from the deals whatever the scope. */
	List<PipelineLine> openPipelineOfDeals(Viewer viewer, Collection<Long> owners, Collection<Long> partners) {
		return this.jdbc.sql("""
				SELECT stage, partner_id IS NOT NULL AS involved, currency, count(*) AS deals, sum(amount) AS amount
				FROM opportunity
				WHERE %s AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				  AND (:anyOwner OR owner_id IN (:owners))
				  AND (:anyPartner OR partner_id IN (:partners))
				GROUP BY stage, involved, currency
				ORDER BY currency, involved, stage
				""".formatted(SCOPE))
			.param("scopePartner", viewer.scopePartnerId())
			.param("anyOwner", owners == null)
			.param("owners", owners == null || owners.isEmpty() ? List.of(-1L) : owners)
			.param("anyPartner", partners == null)
			.param("partners", partners == null || partners.isEmpty() ? List.of(-1L) : partners)
			.query(OpportunityRepository::pipelineLine)
			.list();
	}

	private static PipelineLine pipelineLine(ResultSet rs, int row) throws SQLException {
		return new PipelineLine(Stage.valueOf(rs.getString("stage")), rs.getBoolean("involved"),
				rs.getString("currency"), rs.getLong("deals"), rs.getBigDecimal("amount"));
	}

	private static Map<String, Object> params(OpportunityCommand command, long ownerId) {
		Map<String, Object> params = new HashMap<>();
		params.put("account", command.accountId());
		params.put("name", command.name().strip());
		params.put("amount", command.amount());
		params.put("currency", command.currency());
		params.put("stage", command.stage().name());
		params.put("closeDate", command.closeDate());
		params.put("owner", ownerId);
		params.put("source", command.source().name());
		params.put("partner", command.partnerId());
		params.put("credit", command.creditType() == null ? null : command.creditType().name());
		params.put("share", command.partnerShare());
		return params;
	}

	private static OpportunityView view(ResultSet rs, int row) throws SQLException {
		var credit = rs.getString("credit_type");
		var closedAt = rs.getTimestamp("closed_at");
		return new OpportunityView(rs.getLong("id"), rs.getLong("account_id"), null, rs.getString("name"),
				rs.getBigDecimal("amount"), rs.getString("currency"), Stage.valueOf(rs.getString("stage")),
				rs.getObject("close_date", java.time.LocalDate.class), rs.getLong("owner_id"),
				DealSource.valueOf(rs.getString("source")), rs.getObject("partner_id", Long.class),
				credit == null ? null : CreditType.valueOf(credit), rs.getBigDecimal("partner_share"),
				rs.getTimestamp("stage_entered_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
				closedAt == null ? null : closedAt.toInstant(), rs.getBoolean("amount_unknown"));
	}

}
