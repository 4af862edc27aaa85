package com.trellis.plans;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Account plans and their actions. Reads name the partner, account and people from their
 * tables (names only); every list read is narrowed in SQL.
 */
@Repository
class PlanRepository {

	private static final String SELECT = """
			SELECT ap.*, p.name AS partner_name, a.name AS account_name, vo.display_name AS vendor_owner_name,
			       pc.display_name AS partner_contact_name, cb.display_name AS closed_by_name
			FROM account_plan ap JOIN partner p ON p.id = ap.partner_id JOIN account a ON a.id = ap.account_id
			JOIN app_user vo ON vo.id = ap.vendor_owner_id JOIN app_user pc ON pc.id = ap.partner_contact_id
			LEFT JOIN app_user cb ON cb.id = ap.closed_by
			""";

	private final JdbcClient jdbc;

	PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(PlanCommand c, long by, Instant at) {
		return bind(
				this.jdbc
					.sql("""
							INSERT INTO account_plan (partner_id, account_id, title, pipeline_goal, revenue_goal, currency, starts_on,
							    ends_on, vendor_owner_id, partner_contact_id, status, created_by, created_at, updated_at)
							VALUES (:partner, :account, :title, :pipeline, :revenue, :currency, :starts, :ends, :owner, :contact, 'OPEN',
							        :by, :at, :at) RETURNING id
							"""),
				c)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	void update(long id, PlanCommand c, Instant at) {
		bind(this.jdbc.sql("""
				UPDATE account_plan SET partner_id = :partner, account_id = :account, title = :title,
				       pipeline_goal = :pipeline, revenue_goal = :revenue, currency = :currency, starts_on = :starts,
				       ends_on = :ends, vendor_owner_id = :owner, partner_contact_id = :contact, updated_at = :at
				WHERE id = :id
				"""), c).param("id", id).param("at", Timestamp.from(at)).update();
	}

	boolean hasOpen(long partnerId, long accountId, Long except) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM account_plan WHERE partner_id = :partner AND account_id = :account
				               AND status = 'OPEN' AND (CAST(:except AS BIGINT) IS NULL OR id <> :except))
				""")
			.param("partner", partnerId)
			.param("account", accountId)
			.param("except", except)
			.query(Boolean.class)
			.single();
	}

	void lock(long partnerId, long accountId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:partner, :account)")
			.param("partner", (int) partnerId)
			.param("account", (int) accountId)
			.query((rs, n) -> 1)
			.list();
	}

	Optional<PlanView> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE ap.id = :id")
			.param("id", id)
			.query((rs, n) -> plan(rs, actions(rs.getLong("id"))))
			.optional();
	}

	/**
	 * One page of the plans of a scope (a partner, a book of partners, the accounts of
	 * some owners, or every plan when all are null), open first, earliest end first, with
	 * the count the pager needs.
	 */
	PageResult<PlanView> search(Long partner, List<Long> partners, List<Long> accountOwners, PageRequest page) {
		return search(partner, partners, accountOwners, null, null, page);
	}

	/**
	 * As {@link #search(Long, List, List, PageRequest)}, narrowed to the plans whose
	 * title, partner or account holds {@code q} (any case) and of {@code status} (OPEN or
	 * CLOSED); null leaves either out.
	 */
	PageResult<PlanView> search(Long partner, List<Long> partners, List<Long> accountOwners, String q, String status,
			PageRequest page) {
		if ((partners != null && partners.isEmpty()) || (accountOwners != null && accountOwners.isEmpty())) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		var where = new StringBuilder(" WHERE (CAST(:partner AS BIGINT) IS NULL OR ap.partner_id = :partner)");
		where.append("""
				 AND (CAST(:status AS TEXT) IS NULL OR ap.status = CAST(:status AS TEXT))
				 AND (CAST(:q AS TEXT) IS NULL OR strpos(lower(ap.title), lower(CAST(:q AS TEXT))) > 0
				      OR strpos(lower(a.name), lower(CAST(:q AS TEXT))) > 0
				      OR EXISTS (SELECT 1 FROM partner pq WHERE pq.id = ap.partner_id
				                 AND strpos(lower(pq.name), lower(CAST(:q AS TEXT))) > 0))
				""");
		if (partners != null) {
			where.append(" AND ap.partner_id = ANY (CAST(:partners AS BIGINT[]))");
		}
		if (accountOwners != null) {
			where.append(" AND a.owner_ae_id = ANY (CAST(:owners AS BIGINT[]))");
		}
		var rows = scoped(SELECT + where + " ORDER BY ap.status DESC, ap.ends_on, ap.id LIMIT :limit OFFSET :offset",
				partner, partners, accountOwners)
			.param("q", q)
			.param("status", status)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> plan(rs, List.of()))
			.list();
		long total = scoped(
				PageRequest.countUpToLimit("FROM account_plan ap JOIN account a ON a.id = ap.account_id" + where),
				partner, partners, accountOwners)
			.param("q", q)
			.param("status", status)
			.param("countLimit", page.countLimit())
			.query(Long.class)
			.single();
		return PageResult.counted(rows.stream().map(p -> withActions(p, actions(p.id()))).toList(), page, total);
	}

	private JdbcClient.StatementSpec scoped(String sql, Long partner, List<Long> partners, List<Long> accountOwners) {
		var spec = this.jdbc.sql(sql).param("partner", partner);
		if (partners != null) {
			spec = spec.param("partners", com.trellis.shared.SqlIds.array(partners));
		}
		if (accountOwners != null) {
			spec = spec.param("owners", com.trellis.shared.SqlIds.array(accountOwners));
		}
		return spec;
	}

	long insertAction(long planId, ActionCommand c, long by, Instant at) {
		var status = c.status() == null ? ActionStatus.OPEN : c.status();
		return this.jdbc.sql("""
				INSERT INTO account_plan_action (plan_id, description, side, due_on, status, created_at, updated_at,
				                                 done_by, done_at)
				VALUES (:plan, :description, :side, :due, :status, :at, :at,
				        CASE WHEN :status = 'DONE' THEN CAST(:by AS BIGINT) END,
				        CASE WHEN :status = 'DONE' THEN CAST(:at AS TIMESTAMPTZ) END) RETURNING id
				""")
			.param("plan", planId)
			.param("description", c.description().strip())
			.param("side", c.side().name())
			.param("due", Date.valueOf(c.dueOn()))
			.param("status", status.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	boolean updateAction(long planId, long actionId, ActionCommand c, long by, Instant at) {
		return this.jdbc.sql("""
				UPDATE account_plan_action SET description = :description, side = :side, due_on = :due,
				       status = :status, updated_at = :at,
				""" + DONE_STAMPS + """
				WHERE id = :id AND plan_id = :plan
				""")
			.param("plan", planId)
			.param("id", actionId)
			.param("description", c.description().strip())
			.param("side", c.side().name())
			.param("due", Date.valueOf(c.dueOn()))
			.param("status", (c.status() == null ? ActionStatus.OPEN : c.status()).name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Sets an action's status, keeping who marked it done and when. */
	boolean tick(long planId, long actionId, ActionStatus status, long by, Instant at) {
		return this.jdbc.sql("""
				UPDATE account_plan_action SET status = :status, updated_at = :at,
				""" + DONE_STAMPS + """
				WHERE id = :id AND plan_id = :plan
				""")
			.param("plan", planId)
			.param("id", actionId)
			.param("status", status.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/**
	 * Who marked the action done and when, as SET clauses of an UPDATE that also sets
	 * {@code status = :status} (the right-hand side reads the row as it was): recorded
	 * only when the action turns done, kept as they are (even when unknown, as for
	 * actions done before V67) while it stays done, cleared when it is open or dropped
	 * again.
	 */
	private static final String DONE_STAMPS = """
			done_by = CASE WHEN :status <> 'DONE' THEN NULL WHEN status = 'DONE' THEN done_by
			               ELSE CAST(:by AS BIGINT) END,
			done_at = CASE WHEN :status <> 'DONE' THEN NULL WHEN status = 'DONE' THEN done_at
			               ELSE CAST(:at AS TIMESTAMPTZ) END
			""";

	/** Closes an open plan; false when it was closed already. */
	boolean close(long id, CloseCommand c, long by, Instant at) {
		return this.jdbc.sql("""
				UPDATE account_plan SET status = 'CLOSED', outcome = :outcome, outcome_note = :note, closed_by = :by,
				       closed_at = :at, updated_at = :at
				WHERE id = :id AND status = 'OPEN'
				""")
			.param("id", id)
			.param("outcome", c.outcome().name())
			.param("note", c.note().strip())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	private List<PlanView.Action> actions(long planId) {
		return this.jdbc.sql("""
				SELECT x.id, x.description, x.side, x.due_on, x.status, u.display_name, x.done_at
				FROM account_plan_action x LEFT JOIN app_user u ON u.id = x.done_by
				WHERE x.plan_id = :plan ORDER BY x.due_on, x.id
				""")
			.param("plan", planId)
			.query((rs, n) -> new PlanView.Action(rs.getLong(1), rs.getString(2), PlanSide.valueOf(rs.getString(3)),
					rs.getObject(4, LocalDate.class), ActionStatus.valueOf(rs.getString(5)), rs.getString(6),
					instant(rs.getTimestamp(7))))
			.list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, PlanCommand c) {
		return spec.param("partner", c.partnerId())
			.param("account", c.accountId())
			.param("title", c.title().strip())
			.param("pipeline", c.pipelineGoal())
			.param("revenue", c.revenueGoal())
			.param("currency", c.currency())
			.param("starts", Date.valueOf(c.startsOn()))
			.param("ends", Date.valueOf(c.endsOn()))
			.param("owner", c.vendorOwnerId())
			.param("contact", c.partnerContactId());
	}

	private static PlanView withActions(PlanView p, List<PlanView.Action> actions) {
		return new PlanView(p.id(), p.partnerId(), p.partnerName(), p.accountId(), p.accountName(), p.title(),
				p.pipelineGoal(), p.revenueGoal(), p.currency(), p.startsOn(), p.endsOn(), p.vendorOwnerId(),
				p.vendorOwnerName(), p.partnerContactId(), p.partnerContactName(), p.status(), p.createdAt(),
				p.updatedAt(), p.outcome(), p.outcomeNote(), p.closedByName(), p.closedAt(), actions);
	}

	private static PlanView plan(ResultSet rs, List<PlanView.Action> actions) throws SQLException {
		return new PlanView(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("partner_name"),
				rs.getLong("account_id"), rs.getString("account_name"), rs.getString("title"),
				rs.getBigDecimal("pipeline_goal"), rs.getBigDecimal("revenue_goal"), rs.getString("currency"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getLong("vendor_owner_id"), rs.getString("vendor_owner_name"), rs.getLong("partner_contact_id"),
				rs.getString("partner_contact_name"), rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(),
				rs.getString("outcome") == null ? null : PlanOutcome.valueOf(rs.getString("outcome")),
				rs.getString("outcome_note"), rs.getString("closed_by_name"), instant(rs.getTimestamp("closed_at")),
				actions);
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
