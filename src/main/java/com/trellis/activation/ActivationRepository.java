package com.trellis.activation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ActivationRepository {

	private final JdbcClient jdbc;

	ActivationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the plan and its milestones from the template; a second call does nothing.
	 */
	boolean createPlan(long partnerId, LocalDate onboardedOn, Instant now) {
		int created = this.jdbc.sql("""
				INSERT INTO activation_plan (partner_id, onboarded_on, created_at) VALUES (:partner, :onboarded, :now)
				ON CONFLICT (partner_id) DO NOTHING
				""")
			.param("partner", partnerId)
			.param("onboarded", onboardedOn)
			.param("now", Timestamp.from(now))
			.update();
		if (created == 0) {
			return false;
		}
		this.jdbc.sql("""
				INSERT INTO activation_milestone (partner_id, code, position, name, due_on, owner, source)
				SELECT :partner, code, position, name, CAST(:onboarded AS DATE) + due_day, owner, source
				FROM activation_template
				""").param("partner", partnerId).param("onboarded", onboardedOn).update();
		return true;
	}

	Optional<Plan> plan(long partnerId) {
		return this.jdbc.sql("""
				SELECT partner_id, onboarded_on, target_registrations, target_pipeline, target_revenue, currency,
				       first_registered_at, first_won_at, verdict
				FROM activation_plan WHERE partner_id = :partner
				""")
			.param("partner", partnerId)
			.query((rs, n) -> new Plan(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), instant(rs.getTimestamp(7)),
					instant(rs.getTimestamp(8)), rs.getString(9)))
			.optional();
	}

	List<ActivationPlanView.Milestone> milestones(long partnerId, LocalDate today) {
		return this.jdbc.sql("""
				SELECT id, code, name, due_on, owner, source, completed_at, evidence FROM activation_milestone
				WHERE partner_id = :partner ORDER BY position
				""").param("partner", partnerId).query((rs, n) -> milestone(rs, today)).list();
	}

	/**
	 * The plans of the given partners in one statement, by partner id (a partner without
	 * a plan is absent): what {@link #plan} reads one partner at a time.
	 */
	Map<Long, Plan> plans(List<Long> partnerIds) {
		if (partnerIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				SELECT partner_id, onboarded_on, target_registrations, target_pipeline, target_revenue, currency,
				       first_registered_at, first_won_at, verdict
				FROM activation_plan WHERE partner_id = ANY (CAST(:partners AS BIGINT[]))
				""")
			.param("partners", com.trellis.shared.SqlIds.array(partnerIds))
			.query((rs, n) -> new Plan(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), instant(rs.getTimestamp(7)),
					instant(rs.getTimestamp(8)), rs.getString(9)))
			.list()
			.stream()
			.collect(Collectors.toMap(Plan::partnerId, plan -> plan));
	}

	/**
	 * The milestones of the given partners in one statement, per partner in the order
	 * {@link #milestones(long, LocalDate)} gives them (a partner without any is absent).
	 */
	Map<Long, List<ActivationPlanView.Milestone>> milestones(List<Long> partnerIds, LocalDate today) {
		var result = new java.util.HashMap<Long, List<ActivationPlanView.Milestone>>();
		if (partnerIds.isEmpty()) {
			return result;
		}
		this.jdbc
			.sql("""
					SELECT partner_id, id, code, name, due_on, owner, source, completed_at, evidence FROM activation_milestone
					WHERE partner_id = ANY (CAST(:partners AS BIGINT[])) ORDER BY partner_id, position
					""")
			.param("partners", com.trellis.shared.SqlIds.array(partnerIds))
			.query((rs, n) -> {
				result.computeIfAbsent(rs.getLong("partner_id"), p -> new java.util.ArrayList<>())
					.add(milestone(rs, today));
				return null;
			})
			.list();
		return result;
	}

	private static ActivationPlanView.Milestone milestone(java.sql.ResultSet rs, LocalDate today)
			throws java.sql.SQLException {
		var due = rs.getObject("due_on", LocalDate.class);
		var completed = instant(rs.getTimestamp("completed_at"));
		return new ActivationPlanView.Milestone(rs.getLong("id"), rs.getString("code"), rs.getString("name"), due,
				rs.getString("owner"), rs.getString("source"), completed, rs.getString("evidence"),
				completed == null && due.isBefore(today));
	}

	void recordFirsts(long partnerId, Instant registered, Instant won) {
		this.jdbc
			.sql("""
					UPDATE activation_plan SET first_registered_at = :registered, first_won_at = :won WHERE partner_id = :partner
					""")
			.param("registered", registered == null ? null : Timestamp.from(registered))
			.param("won", won == null ? null : Timestamp.from(won))
			.param("partner", partnerId)
			.update();
	}

	/** Completes a milestone once; returns whether this call completed it. */
	boolean complete(long partnerId, String code, Long userId, Instant at, String evidence) {
		return this.jdbc.sql("""
				UPDATE activation_milestone SET completed_at = :at, completed_by = :by, evidence = :evidence
				WHERE partner_id = :partner AND code = :code AND completed_at IS NULL
				""")
			.param("at", Timestamp.from(at))
			.param("by", userId)
			.param("evidence", evidence)
			.param("partner", partnerId)
			.param("code", code)
			.update() == 1;
	}

	/** Fixes the verdict once; returns whether this call fixed it. */
	boolean fixVerdict(long partnerId, String verdict, Instant at) {
		return this.jdbc
			.sql("""
					UPDATE activation_plan SET verdict = :verdict, verdict_at = :at WHERE partner_id = :partner AND verdict IS NULL
					""")
			.param("verdict", verdict)
			.param("at", Timestamp.from(at))
			.param("partner", partnerId)
			.update() == 1;
	}

	/**
	 * Overdue milestones not yet nudged, marked nudged in the same statement; none of a
	 * plan whose verdict is fixed (an activated partner is not chased for onboarding).
	 */
	List<Overdue> takeOverdueToNudge(LocalDate today, Instant now) {
		return this.jdbc
			.sql("""
					UPDATE activation_milestone m SET nudged_at = :now
					WHERE completed_at IS NULL AND nudged_at IS NULL AND due_on < :today
					  AND NOT EXISTS (SELECT 1 FROM activation_plan p WHERE p.partner_id = m.partner_id AND p.verdict IS NOT NULL)
					RETURNING id, partner_id, name, due_on, owner
					""")
			.param("now", Timestamp.from(now))
			.param("today", today)
			.query((rs, n) -> new Overdue(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getString(5)))
			.list();
	}

	List<Long> plansWithoutVerdict() {
		return this.jdbc.sql("SELECT partner_id FROM activation_plan WHERE verdict IS NULL ORDER BY partner_id")
			.query(Long.class)
			.list();
	}

	/**
	 * One page of the plans, newest onboarding first (ties by partner id, so pages never
	 * overlap), of the given partners or of every partner when {@code partnerIds} is
	 * null.
	 */
	com.trellis.shared.PageResult<Long> page(List<Long> partnerIds, com.trellis.shared.PageRequest page) {
		if (partnerIds != null && partnerIds.isEmpty()) {
			return new com.trellis.shared.PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		var where = partnerIds == null ? "" : " WHERE partner_id = ANY (CAST(:ids AS BIGINT[]))";
		var ids = this.jdbc
			.sql("SELECT partner_id FROM activation_plan" + where
					+ " ORDER BY onboarded_on DESC, partner_id DESC LIMIT :limit OFFSET :offset")
			.param("limit", page.size())
			.param("offset", page.offset());
		var count = this.jdbc.sql("SELECT count(*) FROM activation_plan" + where);
		if (partnerIds != null) {
			ids.param("ids", com.trellis.shared.SqlIds.array(partnerIds));
			count.param("ids", com.trellis.shared.SqlIds.array(partnerIds));
		}
		return new com.trellis.shared.PageResult<>(ids.query(Long.class).list(), page.page(), page.size(),
				count.query(Long.class).single());
	}

	List<TemplateMilestone> template() {
		return this.jdbc.sql("SELECT code, name, due_day, owner FROM activation_template ORDER BY position")
			.query((rs, n) -> new TemplateMilestone(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
			.list();
	}

	int saveTemplate(TemplateMilestone milestone) {
		return this.jdbc
			.sql("UPDATE activation_template SET name = :name, due_day = :due, owner = :owner WHERE code = :code")
			.param("name", milestone.name().strip())
			.param("due", milestone.dueDay())
			.param("owner", milestone.owner())
			.param("code", milestone.code())
			.update();
	}

	void saveTargets(long partnerId, Targets targets) {
		this.jdbc.sql("""
				UPDATE activation_plan SET target_registrations = :registrations, target_pipeline = :pipeline,
				    target_revenue = :revenue, currency = :currency WHERE partner_id = :partner
				""")
			.param("registrations", targets.registrations())
			.param("pipeline", targets.pipeline())
			.param("revenue", targets.revenue())
			.param("currency", targets.currency())
			.param("partner", partnerId)
			.update();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	record Plan(long partnerId, LocalDate onboardedOn, int targetRegistrations, java.math.BigDecimal targetPipeline,
			java.math.BigDecimal targetRevenue, String currency, Instant firstRegisteredAt, Instant firstWonAt,
			String verdict) {

		Plan {
			targetPipeline = com.trellis.shared.MinorUnits.round(targetPipeline, currency);
			targetRevenue = com.trellis.shared.MinorUnits.round(targetRevenue, currency);
		}

	}

	record Overdue(long milestoneId, long partnerId, String name, LocalDate dueOn, String owner) {
	}

}
