package com.trellis.deals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.trellis.identity.Viewer;
import com.trellis.shared.ListConditions;
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

	private final JdbcClient jdbc;

	OpportunityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PageResult<OpportunityView> search(Viewer viewer, DealFilter filter, Collection<Long> owners, PageRequest page) {
		return search(viewer, filter, owners, null, page);
	}

	/**
	 * Deals the viewer may see, narrowed to {@code owners} and to deals with one of
	 * {@code partners} when either is not null (an empty list matches none).
	 */
	PageResult<OpportunityView> search(Viewer viewer, DealFilter filter, Collection<Long> owners,
			Collection<Long> partners, PageRequest page) {
		// only the filters given are written (s66, ListConditions)
		var q = com.trellis.shared.ListSearch.pattern("q", filter.q());
		var conditions = new ListConditions()
			.when("partner_id = :scopePartner", "scopePartner", viewer.scopePartnerId())
			.when("name ILIKE :q", "q", q)
			.whenEnum("stage", filter.stage());
		if (filter.open() != null) {
			conditions.always(filter.open() ? "stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')"
					: "stage IN ('CLOSED_WON', 'CLOSED_LOST')");
		}
		conditions.when("owner_id = :owner", "owner", filter.ownerId())
			.when("partner_id = :partner", "partner", filter.partnerId())
			.when("account_id = :account", "account", filter.accountId());
		if (filter.partnerInvolved() != null) {
			conditions.always(filter.partnerInvolved() ? "partner_id IS NOT NULL" : "partner_id IS NULL");
		}
		conditions.whenAnyOf("owner_id", "owners", owners).whenAnyOf("partner_id", "partners", partners);
		var where = conditions.where();
		var params = conditions.parameters();
		long counted = this.jdbc.sql(PageRequest.countUpToLimit("FROM opportunity " + where))
			.params(params)
			.param("countLimit", page.countLimit())
			.query(Long.class)
			.single();
		// the deals of some owners (a rep's, a team's): the page picked first from the
		// open deals' owner index alone (V134), then read whole; a team's page read every
		// deal of the team from the table to keep 15
		var select = owners == null
				? "SELECT " + OpportunityRows.COLUMNS + " FROM opportunity " + where + " ORDER BY "
						+ OpportunityRows.WORK_ORDER + " LIMIT :limit OFFSET :offset"
				: "SELECT " + OpportunityRows.COLUMNS
						+ " FROM opportunity JOIN (SELECT id AS picked_id FROM opportunity " + where + " ORDER BY "
						+ OpportunityRows.WORK_ORDER + " LIMIT :limit OFFSET :offset) picked ON picked.picked_id = id"
						+ " ORDER BY " + OpportunityRows.WORK_ORDER;
		return PageResult.counted(() -> this.jdbc.sql(select)
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(OpportunityRows::view)
			.list(), page, counted);
	}

	/**
	 * The first {@code limit} open deals of {@code owners} the viewer may see, in the
	 * work order ({@link OpportunityRows#WORK_ORDER}, which for open deals alone is the
	 * close date, soonest first and undated last, then the newest first): the deals and
	 * order of {@link #search} with an open filter on its first page of that size,
	 * without a count. Read in that order from {@code opportunity_open_close_idx} (V162),
	 * so every rep's ~210,000 open deals are no longer all read to keep 100. Planned for
	 * its owners each time (for the rest of the caller's transaction, as the KPI reads
	 * do): the generic plan, which PostgreSQL may keep for a statement prepared on a
	 * connection, takes an owner list for a few owners and reads all 400 reps' open deals
	 * to sort them, 400 ms against a few (s66).
	 */
	List<OpportunityView> firstOpen(Viewer viewer, Collection<Long> owners, int limit) {
		if (owners.isEmpty()) {
			return List.of();
		}
		this.jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)").query().singleRow();
		return this.jdbc
			.sql("SELECT " + OpportunityRows.COLUMNS + " FROM opportunity WHERE "
					+ (viewer.scopePartnerId() == null ? "TRUE" : "partner_id = :scopePartner") + """
							 AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND owner_id = ANY (:owners)
							ORDER BY close_date ASC NULLS LAST, id DESC LIMIT :limit
							""")
			.param("scopePartner", viewer.scopePartnerId())
			.param("owners", owners.toArray(Long[]::new))
			.param("limit", limit)
			.query(OpportunityRows::view)
			.list();
	}

	Optional<OpportunityView> find(Viewer viewer, long id) {
		return this.jdbc
			.sql("SELECT " + OpportunityRows.COLUMNS + " FROM opportunity WHERE id = :id AND " + OpportunityRows.SCOPE)
			.param("id", id)
			.param("scopePartner", viewer.scopePartnerId())
			.query(OpportunityRows::view)
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
		return this.jdbc.sql("SELECT " + OpportunityRows.COLUMNS + " FROM opportunity WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(OpportunityRows::view)
			.optional();
	}

	/** The deal's version: one more with each change of its row. */
	Optional<Long> version(long id) {
		return this.jdbc.sql("SELECT version FROM opportunity WHERE id = :id")
			.param("id", id)
			.query(Long.class)
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
			.params(OpportunityRows.params(command, ownerId))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/**
	 * Saves an edit; the stage, its times and the close are the process's to change.
	 * False, and the row (its version and change time) untouched, when it holds every
	 * value already.
	 */
	boolean update(long id, OpportunityCommand command, long ownerId, Instant now) {
		return this.jdbc.sql("""
				UPDATE opportunity SET account_id = :account, name = :name, amount = :amount, currency = :currency,
				       amount_unknown = (amount_unknown AND amount = :amount),
				       close_date = :closeDate, owner_id = :owner, source = :source, partner_id = :partner,
				       credit_type = :credit, partner_share = :share, updated_at = :now, version = version + 1
				WHERE id = :id
				  AND (account_id, name, amount, currency, close_date, owner_id, source, partner_id, credit_type,
				       partner_share)
				      IS DISTINCT FROM (CAST(:account AS BIGINT), CAST(:name AS TEXT), CAST(:amount AS NUMERIC),
				      CAST(:currency AS CHAR(3)), CAST(:closeDate AS DATE), CAST(:owner AS BIGINT),
				      CAST(:source AS TEXT), CAST(:partner AS BIGINT), CAST(:credit AS TEXT), CAST(:share AS NUMERIC))
				""")
			.params(OpportunityRows.params(command, ownerId))
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	List<OpportunityView> openOnAccounts(Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		// the ids bound as one array: one statement (and one plan) whatever their number
		return this.jdbc.sql("SELECT " + OpportunityRows.COLUMNS + """
				 FROM opportunity WHERE account_id = ANY(CAST(:accounts AS BIGINT[]))
				AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				ORDER BY created_at, id
				""").param("accounts", accountIds.toArray(Long[]::new)).query(OpportunityRows::view).list();
	}

	/**
	 * The open deals on any of the accounts as the conflict check weighs them, in the
	 * order they were created, from {@code opportunity_open_account_claim_idx} (V177)
	 * without reading the deals' rows.
	 */
	List<OpenDealClaim> openClaimsOnAccounts(Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id, account_id, partner_id, created_at FROM opportunity
				WHERE account_id = ANY(CAST(:accounts AS BIGINT[])) AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				ORDER BY created_at, id
				""")
			.param("accounts", accountIds.toArray(Long[]::new))
			.query((rs, n) -> new OpenDealClaim(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
					rs.getTimestamp(4).toInstant()))
			.list();
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

}
