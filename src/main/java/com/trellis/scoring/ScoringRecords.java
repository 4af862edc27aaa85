package com.trellis.scoring;

import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads the records the signals read, for one partner or for every partner at once, each
 * kind in one set-based query, up to a cut-off only. Like the KPIs, it reads the owning
 * modules' tables in reporting SQL (activity, deals, co-sell, enablement, identity).
 */
@Repository
class ScoringRecords {

	/**
	 * How far back the signals look: two years for specialisation, 400 days for the rest.
	 */
	static final Duration DEALS_BACK = Duration.ofDays(731);

	static final Duration ACTIVITY_BACK = Duration.ofDays(400);

	private static final String ONE = "(CAST(:partner AS BIGINT) IS NULL OR %s = :partner)";

	private final JdbcClient jdbc;

	ScoringRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The records of one partner ({@code partnerId}) or of all partners (null) that
	 * existed by the cut-off, keyed by partner; partners created after it are absent.
	 */
	Map<Long, PartnerRecords> load(Long partnerId, AsOf asOf, java.time.ZoneId zone) {
		var end = Timestamp.from(asOf.end());
		var activitySince = Timestamp.from(asOf.end().minus(ACTIVITY_BACK));
		var dealsSince = Timestamp.from(asOf.end().minus(DEALS_BACK));
		var builders = new HashMap<Long, Builder>();
		this.jdbc
			.sql("SELECT id, onboarded_on, verticals FROM partner WHERE created_at < :end AND " + ONE.formatted("id"))
			.param("end", end)
			.param("partner", partnerId)
			.query((rs, n) -> builders.put(rs.getLong(1),
					new Builder(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class),
							Arrays.asList((String[]) rs.getArray(3).getArray()))))
			.list();
		Function<Long, Builder> of = builders::get;
		this.jdbc.sql("""
				SELECT partner_id, id, job_role, created_at FROM app_user
				WHERE partner_id IS NOT NULL AND created_at < :end AND %s
				""".formatted(ONE.formatted("partner_id")))
			.param("end", end)
			.param("partner", partnerId)
			.query((rs, n) -> add(of, rs.getLong(1),
					b -> b.members.add(
							new PartnerRecords.Member(rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()))))
			.list();
		this.jdbc.sql("""
				SELECT partner_id, CAST(occurred_at AT TIME ZONE :zone AS DATE) AS day, type, count(*)
				FROM activity_event
				WHERE occurred_at >= :since AND occurred_at < :end AND %s
				GROUP BY 1, 2, 3
				""".formatted(ONE.formatted("partner_id")))
			.param("zone", zone.getId())
			.param("since", activitySince)
			.param("end", end)
			.param("partner", partnerId)
			.query((rs, n) -> add(of, rs.getLong(1),
					b -> b.activity.add(new PartnerRecords.DailyCount(rs.getObject(2, java.time.LocalDate.class),
							rs.getString(3), rs.getInt(4)))))
			.list();
		this.jdbc.sql("""
				SELECT partner_id, requested_at, CASE WHEN answered_at < :end THEN answered_at END
				FROM cosell_request
				WHERE requested_at >= :since AND requested_at < :end AND %s
				""".formatted(ONE.formatted("partner_id")))
			.param("since", activitySince)
			.param("end", end)
			.param("partner", partnerId)
			.query((rs, n) -> add(of, rs.getLong(1),
					b -> b.asks.add(new PartnerRecords.CoSellAsk(rs.getTimestamp(2).toInstant(),
							rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))))
			.list();
		loadDeals(partnerId, end, dealsSince, of);
		this.jdbc.sql("""
				SELECT d.partner_id, d.opportunity_id, d.attached_by, d.attached_at
				FROM deal_partner_attachment d JOIN app_user u ON u.id = d.attached_by
				WHERE d.via = 'REP' AND d.credit_type <> 'SOURCED' AND u.role IN ('AE', 'SALES_MANAGER')
				  AND d.attached_at < :end AND %s
				  AND NOT EXISTS (SELECT 1 FROM partner_prompt pp
				                  WHERE pp.opportunity_id = d.opportunity_id AND pp.prompted_at <= d.attached_at)
				""".formatted(ONE.formatted("d.partner_id")))
			.param("end", end)
			.param("partner", partnerId)
			.query((rs, n) -> add(of, rs.getLong(1),
					b -> b.invitations.add(new PartnerRecords.Invitation(rs.getLong(2), rs.getLong(3),
							rs.getTimestamp(4).toInstant()))))
			.list();
		this.jdbc.sql("""
				SELECT c.partner_id, c.user_id, c.completed_on, c.expires_on
				FROM enablement_completion c JOIN enablement_item i ON i.id = c.item_id
				WHERE i.kind = 'CERTIFICATION' AND c.recorded_at < :end AND c.completed_on <= :day
				  AND (c.expires_on IS NULL OR c.expires_on >= :day) AND %s
				""".formatted(ONE.formatted("c.partner_id")))
			.param("end", end)
			.param("day", Date.valueOf(asOf.day()))
			.param("partner", partnerId)
			.query((rs, n) -> add(of, rs.getLong(1),
					b -> b.certifications.add(new PartnerRecords.Certification(rs.getLong(2),
							rs.getObject(3, java.time.LocalDate.class), rs.getObject(4, java.time.LocalDate.class)))))
			.list();
		var result = new HashMap<Long, PartnerRecords>();
		builders.forEach((id, b) -> result.put(id, b.build()));
		return result;
	}

	/**
	 * Deals the partner was on by the cut-off (from when it was put on them) that were
	 * open or closed within the last two years, and their stage changes up to the
	 * cut-off.
	 */
	private void loadDeals(Long partnerId, Timestamp end, Timestamp since, Function<Long, Builder> of) {
		var dealsSql = """
				FROM opportunity o LEFT JOIN deal_partner_attachment d ON d.opportunity_id = o.id
				WHERE o.partner_id IS NOT NULL AND GREATEST(o.created_at, coalesce(d.attached_at, o.created_at)) < :end
				  AND (o.closed_at IS NULL OR o.closed_at >= :since) AND %s
				""".formatted(ONE.formatted("o.partner_id"));
		var steps = new HashMap<Long, List<PartnerRecords.StageStep>>();
		this.jdbc
			.sql("SELECT c.opportunity_id, c.to_stage, c.changed_at "
					+ dealsSql.replace("FROM opportunity o",
							"FROM opportunity_stage_change c JOIN opportunity o ON o.id = c.opportunity_id")
					+ " AND c.changed_at < :end")
			.param("end", end)
			.param("since", since)
			.param("partner", partnerId)
			.query((rs, n) -> steps.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new PartnerRecords.StageStep(rs.getString(2), rs.getTimestamp(3).toInstant())))
			.list();
		this.jdbc
			.sql("SELECT o.partner_id, o.id, GREATEST(o.created_at, coalesce(d.attached_at, o.created_at)), "
					+ "(SELECT a.industry FROM account a WHERE a.id = o.account_id) " + dealsSql)
			.param("end", end)
			.param("since", since)
			.param("partner", partnerId)
			.query((rs, n) -> add(of, rs.getLong(1),
					b -> b.deals.add(new PartnerRecords.DealTrack(rs.getLong(2), rs.getTimestamp(3).toInstant(),
							rs.getString(4), steps.getOrDefault(rs.getLong(2), List.of())))))
			.list();
	}

	private static boolean add(Function<Long, Builder> of, long partnerId, RowAdd adder) throws SQLException {
		var builder = of.apply(partnerId);
		if (builder != null) {
			adder.to(builder);
		}
		return true;
	}

	@FunctionalInterface
	private interface RowAdd {

		void to(Builder builder) throws SQLException;

	}

	private static final class Builder {

		final long id;

		final java.time.LocalDate onboardedOn;

		final List<String> verticals;

		final List<PartnerRecords.Member> members = new ArrayList<>();

		final List<PartnerRecords.DailyCount> activity = new ArrayList<>();

		final List<PartnerRecords.CoSellAsk> asks = new ArrayList<>();

		final List<PartnerRecords.DealTrack> deals = new ArrayList<>();

		final List<PartnerRecords.Invitation> invitations = new ArrayList<>();

		final List<PartnerRecords.Certification> certifications = new ArrayList<>();

		Builder(long id, java.time.LocalDate onboardedOn, List<String> verticals) {
			this.id = id;
			this.onboardedOn = onboardedOn;
			this.verticals = verticals;
		}

		PartnerRecords build() {
			return new PartnerRecords(this.id, this.onboardedOn, this.verticals, this.members, this.activity, this.asks,
					this.deals, this.invitations, this.certifications);
		}

	}

}
