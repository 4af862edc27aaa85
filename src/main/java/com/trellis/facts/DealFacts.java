package com.trellis.facts;

import java.time.Clock;
import java.time.Duration;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CountingWins;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts module's facade: rebuilding the deal facts from the base tables. The facts
 * themselves are kept by database triggers on {@code opportunity},
 * {@code opportunity_stage_change} and {@code exchange_rate} (migration V64), so they
 * commit with the change whatever wrote it; reporting SQL reads the tables
 * {@code partner_day_fact}, {@code rep_day_fact} (summed per month in
 * {@code rep_month_fact}, V119) and {@code open_pipeline_fact}. A rebuild also recomputes
 * the forecast's open pipeline (V110), the adoption page's wins per partner and industry
 * ({@code partner_industry_win}, V118), the won deals per close day and cycle day
 * ({@code won_cycle_fact}, V128), each onboarded partner's latest activity and win
 * counted per day ({@code partner_recency}, {@code partner_recency_fact}, V129), the
 * approved registrations per approval day and decision hour
 * ({@code registration_decision_fact}, V130), the ROI page's closes per month, industry
 * and partner ({@code roi_close_fact}, V131; its {@code partner_month_fact} follows the
 * day facts), the hygiene report's open deals per stage-entry day, close date and missing
 * fields ({@code hygiene_open_day_fact}, V133) and the stage funnel's first entries per
 * day of entry ({@code metrics_funnel_fact}, V181).
 */
@Service
public class DealFacts {

	/** One rebuild at a time, across instances. */
	private static final long REBUILD_LOCK = 0x7472656c6c6973L;

	private final JdbcClient jdbc;

	private final BusinessCalendar calendar;

	private final AuditLog audit;

	private final Clock clock;

	/** The rule a won deal's amount counts by, as SQL over {@code o} and {@code fx}. */
	private final String firstWinRule;

	DealFacts(javax.sql.DataSource dataSource, BusinessCalendar calendar, AuditLog audit, Clock clock,
			CountingWins counting) {
		// a rebuild reads every deal and stage move: without the request-sized query
		// timeout (spring.jdbc.template.query-timeout)
		this.jdbc = JdbcClient.create(new org.springframework.jdbc.core.JdbcTemplate(dataSource));
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
		this.firstWinRule = counting.sql("o.amount", "fx.to_reporting");
	}

	/**
	 * Recomputes every fact from the deals and their stage moves (program admins only),
	 * in one transaction: readers see the old facts until it commits.
	 */
	@Transactional
	public Rebuilt rebuild(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin rebuilds the reporting facts");
		}
		var rebuilt = rebuildNow();
		this.audit.record(viewer.actor(), "deal-facts", "all", "rebuild", null, rebuilt.partnerDays());
		return rebuilt;
	}

	/**
	 * Stops keeping the facts for a bulk load in the caller's transaction: the triggers
	 * skip their work (a statement of millions of rows would otherwise be counted row set
	 * by row set) until {@link #buildIfNeeded()}, called in the same transaction after
	 * the load, recomputes everything from the base tables. Other transactions see the
	 * facts as they were until it commits.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void suspendForBulkLoad() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", REBUILD_LOCK).query().singleRow();
		this.jdbc.sql("DELETE FROM fact_setting").update();
	}

	/**
	 * Defers, for the rest of the caller's transaction, the forecast counts' recount that
	 * a tier change triggers (a partner's tier decides the group its closed deals are
	 * counted in): the partners are only noted, and {@link #recountDeferredTiers()}
	 * recounts their closed deals once. For jobs that move thousands of partners one by
	 * one.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void deferTierRecounts() {
		this.jdbc.sql("SELECT set_config('trellis.defer_tier_recount', 'on', true)").query().singleRow();
	}

	/**
	 * Recounts the closed deals of the partners whose tier changed since
	 * {@link #deferTierRecounts()} and ends the deferral; the counts are then as if each
	 * change had been counted when it happened.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void recountDeferredTiers() {
		this.jdbc.sql("SELECT forecast_counts_recount_deferred_tiers()").query().singleRow();
	}

	/**
	 * Builds the facts when they were never built or were counted in another zone, and
	 * recounts each partner's first counted win ({@code partner_first_win_fact}, V117)
	 * when the counting rule ({@link CountingWins}: its minimum) is not the one the facts
	 * were counted by.
	 */
	@Transactional
	public boolean buildIfNeeded() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", REBUILD_LOCK).query().singleRow();
		var zone = this.jdbc.sql("SELECT zone FROM fact_setting").query(String.class).optional();
		boolean rebuilt = false;
		if (zone.isEmpty() || !zone.get().equals(this.calendar.zone().getId())) {
			zone.ifPresent(this::warnOfRedatedCloses);
			rebuildNow();
			rebuilt = true;
		}
		int ruleChanged = this.jdbc
			.sql("UPDATE fact_setting SET first_win_rule = :rule WHERE first_win_rule IS DISTINCT FROM :rule")
			.param("rule", this.firstWinRule)
			.update();
		if (ruleChanged > 0) {
			this.jdbc.sql("SELECT facts_first_win_refresh(NULL)").query().singleRow();
		}
		return rebuilt;
	}

	private Rebuilt rebuildNow() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", REBUILD_LOCK).query().singleRow();
		long started = System.nanoTime();
		// the deal tables before any fact is emptied: a deal written meanwhile waits
		// here (it held the deals and waited for an emptied fact while a later step of
		// the rebuild waited for the deals: a deadlock that cancelled one of them, s64)
		this.jdbc.sql("LOCK TABLE opportunity, opportunity_stage_change IN SHARE MODE").update();
		this.jdbc.sql("SELECT facts_rebuild(:zone)").param("zone", this.calendar.zone().getId()).query().singleRow();
		// the forecast's open pipeline (V110), kept by its own triggers
		this.jdbc.sql("SELECT forecast_open_rebuild()").query().singleRow();
		// the program's open pipeline by stage (V120), kept by the deals' triggers
		this.jdbc.sql("SELECT deals_open_stage_rebuild()").query().singleRow();
		// the hygiene check's open deals whose owner is not the account's (V121)
		this.jdbc.sql("SELECT hygiene_owner_mismatch_rebuild()").query().singleRow();
		// the hygiene report's open deals per stage-entry day, close date and missing
		// fields (V133)
		this.jdbc.sql("SELECT hygiene_open_day_rebuild()").query().singleRow();
		// the adoption page's wins per partner and industry (V118), kept by their own
		// triggers; the rep month facts (V119) follow the day facts' truncate and insert
		this.jdbc.sql("SELECT partner_industry_win_rebuild()").query().singleRow();
		// and its prompted partner deals by owner and creation moment (V314)
		this.jdbc.sql("SELECT adoption_prompted_deal_rebuild()").query().singleRow();
		// the won deals per close day and cycle day, for the sales cycle's median (V128)
		this.jdbc.sql("SELECT won_cycle_rebuild()").query().singleRow();
		// the ROI page's closes per month, industry and partner (V131); its partner month
		// facts follow the day facts' truncate and insert
		this.jdbc.sql("SELECT roi_close_fact_rebuild()").query().singleRow();
		// each onboarded partner's latest activity and win, counted per day, for the
		// activated and active partners (V129; after facts_rebuild's latest activity)
		this.jdbc.sql("SELECT partner_recency_rebuild()").query().singleRow();
		// the approvals per approval day and decision hour, for the registration
		// velocity's median (V130)
		this.jdbc.sql("SELECT registration_decision_rebuild()").query().singleRow();
		// the stage funnel's entries counted per day of entry in the zone (V181)
		this.jdbc.sql("SELECT metrics_funnel_fact_rebuild()").query().singleRow();
		// the partner leads per rep and day of routing in the zone (V198)
		this.jdbc.sql("SELECT leads_rep_fact_rebuild()").query().singleRow();
		long partnerDays = this.jdbc.sql("SELECT count(*) FROM partner_day_fact").query(Long.class).single();
		long repDays = this.jdbc.sql("SELECT count(*) FROM rep_day_fact").query(Long.class).single();
		return new Rebuilt(partnerDays, repDays, Duration.ofNanos(System.nanoTime() - started).toMillis(),
				this.clock.instant());
	}

	/**
	 * What a rebuild wrote.
	 *
	 * @param partnerDays rows per partner, day, credit type and currency
	 * @param repDays rows per rep, day, partner involvement and currency
	 * @param millis how long it took
	 * @param at when it finished
	 */
	public record Rebuilt(long partnerDays, long repDays, long millis, java.time.Instant at) {
	}

	/**
	 * A running program's business zone changed: the facts count every moment's day in
	 * the new zone, while a closed deal's close date was decided in the old one. Said in
	 * the log with the number of closed deals whose two days now differ (their KPI day is
	 * their closing moment's), so that the operator learns it at the start, not from a
	 * report.
	 */
	private void warnOfRedatedCloses(String previous) {
		long differing = this.jdbc.sql("""
				SELECT count(*) FROM opportunity
				WHERE closed_at IS NOT NULL AND close_date <> CAST(closed_at AT TIME ZONE :zone AS DATE)""")
			.param("zone", this.calendar.zone().getId())
			.query(Long.class)
			.single();
		org.slf4j.LoggerFactory.getLogger(DealFacts.class)
			.warn("The business time zone changed from {} to {}: the KPIs and reports now count the days of "
					+ "deal creations, stage moves, closes, registrations and activity in {}. {} closed deals keep "
					+ "a close date that is another day than their closing moment in {}; the KPIs count them on the "
					+ "moment's day. Set the zone before a program starts; see trellis.business.time-zone in the README.",
					previous, this.calendar.zone().getId(), this.calendar.zone().getId(), differing,
					this.calendar.zone().getId());
	}

}
