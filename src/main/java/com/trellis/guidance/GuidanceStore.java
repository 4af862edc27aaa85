package com.trellis.guidance;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recommendations shown and the daily runs. Every read of a person's recommendations
 * binds their user id, so nobody reads another's.
 */
@Repository
class GuidanceStore {

	private static final String COLUMNS = """
			id, kind, partner_id, title, reason, action_label, action_link, state, dismiss_reason, snoozed_until,
			shown_on, acted_at, outcome_at""";

	private final JdbcClient jdbc;

	GuidanceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits for any other instance's run, inside the caller's transaction. */
	void lockRun() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('guidance-daily-run', 0))").query().singleRow();
	}

	/**
	 * Whether a run is recorded for the day or a later one: a day before the latest run
	 * (the clock set back, or a business zone west of the former one) is not run, so a
	 * run never goes back to an earlier day.
	 */
	boolean ranOnOrAfter(LocalDate day) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM guidance_run WHERE day >= :day)")
			.param("day", Date.valueOf(day))
			.query(Boolean.class)
			.single();
	}

	void recordRun(LocalDate day, int shown, Instant at) {
		this.jdbc.sql("INSERT INTO guidance_run (day, shown, finished_at) VALUES (:day, :shown, :at)")
			.param("day", Date.valueOf(day))
			.param("shown", shown)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Shows the advice to the person: new, or refreshed while still open or snoozed (a
	 * partner fit may name another partner by then); an accepted or dismissed one stays
	 * as it was and is not shown again. The day it was last seen never moves back.
	 */
	void show(long userId, Advice advice, LocalDate today) {
		var outcome = advice.outcome();
		var due = outcome != null ? Date.valueOf(today.plusDays(advice.kind().outcomeDays())) : null;
		this.jdbc.sql("""
				INSERT INTO guidance_recommendation (user_id, partner_id, kind, subject, title, reason, action_label,
				                                     action_link, shown_on, last_seen_on, outcome_due, outcome,
				                                     intervention, opportunity_id)
				VALUES (:user, :partner, :kind, :subject, :title, :reason, :label, :link, :today, :today, :due,
				        :outcome, :intervention, :deal)
				ON CONFLICT (user_id, kind, subject) DO UPDATE
				SET title = EXCLUDED.title, reason = EXCLUDED.reason, action_label = EXCLUDED.action_label,
				    action_link = EXCLUDED.action_link,
				    last_seen_on = GREATEST(guidance_recommendation.last_seen_on, EXCLUDED.last_seen_on),
				    outcome = EXCLUDED.outcome, intervention = EXCLUDED.intervention,
				    partner_id = EXCLUDED.partner_id, opportunity_id = EXCLUDED.opportunity_id
				WHERE guidance_recommendation.state IN ('OPEN', 'SNOOZED')
				""")
			.param("outcome", outcome == null ? null : outcome.name())
			.param("intervention", advice.intervention() == null ? null : advice.intervention().name())
			.param("deal", advice.opportunityId())
			.param("user", userId)
			.param("partner", advice.partnerId())
			.param("kind", advice.kind().name())
			.param("subject", advice.subject())
			.param("title", advice.title())
			.param("reason", advice.reason())
			.param("label", advice.actionLabel())
			.param("link", advice.actionLink())
			.param("today", Date.valueOf(today))
			.param("due", due)
			.update();
	}

	/**
	 * The person's recommendations raised by the latest run and waiting on them (open, or
	 * snoozed until today or before).
	 */
	List<RecommendationView> current(long userId, LocalDate today) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM guidance_recommendation
				WHERE user_id = :user AND last_seen_on = (SELECT max(day) FROM guidance_run)
				  AND (state = 'OPEN' OR (state = 'SNOOZED' AND snoozed_until <= :today))
				ORDER BY shown_on DESC, id
				""").param("user", userId).param("today", Date.valueOf(today)).query(GuidanceStore::view).list();
	}

	/**
	 * What the person did with recommendations: accepted, dismissed and snoozed, latest
	 * first.
	 */
	List<RecommendationView> handled(long userId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM guidance_recommendation
				WHERE user_id = :user AND state <> 'OPEN'
				ORDER BY acted_at DESC NULLS LAST, id DESC
				LIMIT :limit
				""").param("user", userId).param("limit", limit).query(GuidanceStore::view).list();
	}

	Optional<RecommendationView> find(long userId, long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM guidance_recommendation WHERE id = :id AND user_id = :user")
			.param("id", id)
			.param("user", userId)
			.query(GuidanceStore::view)
			.optional();
	}

	/**
	 * Records what the person did, only while it is still open or snoozed; returns false
	 * when it was accepted or dismissed meanwhile.
	 */
	boolean act(long userId, long id, String state, String dismissReason, LocalDate snoozedUntil, Instant at,
			LocalDate outcomeDue) {
		return this.jdbc.sql("""
				UPDATE guidance_recommendation
				SET state = :state, dismiss_reason = :reason, snoozed_until = :until, acted_at = :at,
				    outcome_due = COALESCE(:due, outcome_due)
				WHERE id = :id AND user_id = :user AND state IN ('OPEN', 'SNOOZED')
				""")
			.param("state", state)
			.param("reason", dismissReason)
			.param("until", snoozedUntil == null ? null : Date.valueOf(snoozedUntil))
			.param("at", Timestamp.from(at))
			.param("due", outcomeDue == null ? null : Date.valueOf(outcomeDue))
			.param("id", id)
			.param("user", userId)
			.update() == 1;
	}

	/**
	 * A recommendation whose outcome is still to be looked for; {@code opportunityId} the
	 * deal of a partner fit, else null.
	 */
	record Pending(long id, long partnerId, Long opportunityId, Outcome outcome, Instant since, LocalDate due) {
	}

	/**
	 * Recommendations with an outcome not yet seen whose window is open or closed within
	 * the last {@code graceDays} (so a run missed on the window's last day still looks).
	 */
	List<Pending> pendingOutcomes(LocalDate today, int graceDays, java.time.ZoneId zone) {
		return this.jdbc.sql("""
				SELECT id, partner_id, opportunity_id, outcome, state, acted_at, shown_on, outcome_due
				FROM guidance_recommendation
				WHERE outcome_due IS NOT NULL AND outcome_at IS NULL AND partner_id IS NOT NULL
				  AND outcome_due >= :from
				""").param("from", Date.valueOf(today.minusDays(graceDays))).query((rs, n) -> {
			var acted = rs.getTimestamp("acted_at");
			var since = "ACCEPTED".equals(rs.getString("state")) && acted != null ? acted.toInstant()
					: rs.getDate("shown_on").toLocalDate().atStartOfDay(zone).toInstant();
			var outcome = rs.getString("outcome");
			long deal = rs.getLong("opportunity_id");
			return new Pending(rs.getLong("id"), rs.getLong("partner_id"), rs.wasNull() ? null : deal,
					outcome == null ? Outcome.REGISTRATION : Outcome.valueOf(outcome), since,
					rs.getDate("outcome_due").toLocalDate());
		}).list();
	}

	void outcome(long id, Instant at) {
		this.jdbc.sql("UPDATE guidance_recommendation SET outcome_at = :at WHERE id = :id AND outcome_at IS NULL")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	/**
	 * Writes the per-kind summary as of {@code today}: shown, accepted, the ones that
	 * have had their chance (decided, or shown at least {@value Usefulness#DAYS_TO_ACT}
	 * days before), and the outcome counts of accepted ones and of ones not acted on
	 * (dismissed, or open or snoozed and shown that long before) whose outcome is known
	 * by then. One aggregate over the table, once a day in the daily run.
	 */
	void summarise(LocalDate today) {
		this.jdbc
			.sql("""
					INSERT INTO guidance_kind_summary (kind, as_of, shown, accepted, weighed, accepted_decided,
					                                   accepted_met, idle_decided, idle_met)
					SELECT kind, :today, count(*),
					       count(*) FILTER (WHERE state = 'ACCEPTED'),
					       count(*) FILTER (WHERE state IN ('ACCEPTED', 'DISMISSED') OR shown_on <= :actBy),
					       count(*) FILTER (WHERE state = 'ACCEPTED' AND outcome_due IS NOT NULL
					                        AND (outcome_at IS NOT NULL OR outcome_due < :today)),
					       count(*) FILTER (WHERE state = 'ACCEPTED' AND outcome_at IS NOT NULL),
					       count(*) FILTER (WHERE state <> 'ACCEPTED' AND (state = 'DISMISSED' OR shown_on <= :actBy)
					                        AND outcome_due IS NOT NULL
					                        AND (outcome_at IS NOT NULL OR outcome_due < :today)),
					       count(*) FILTER (WHERE state <> 'ACCEPTED' AND (state = 'DISMISSED' OR shown_on <= :actBy)
					                        AND outcome_at IS NOT NULL)
					FROM guidance_recommendation GROUP BY kind
					ON CONFLICT (kind) DO UPDATE
					SET as_of = EXCLUDED.as_of, shown = EXCLUDED.shown, accepted = EXCLUDED.accepted,
					    weighed = EXCLUDED.weighed, accepted_decided = EXCLUDED.accepted_decided, accepted_met = EXCLUDED.accepted_met,
					    idle_decided = EXCLUDED.idle_decided, idle_met = EXCLUDED.idle_met
					""")
			.param("today", Date.valueOf(today))
			.param("actBy", Date.valueOf(today.minusDays(Usefulness.DAYS_TO_ACT)))
			.update();
		this.jdbc.sql("""
				DELETE FROM guidance_kind_summary s
				WHERE NOT EXISTS (SELECT 1 FROM guidance_recommendation r WHERE r.kind = s.kind)
				""").update();
	}

	/**
	 * The per-kind counts as of the last daily run (a handful of rows; empty before the
	 * first run).
	 */
	Map<Kind, Usefulness.Counts> counts() {
		return this.jdbc.sql("SELECT * FROM guidance_kind_summary")
			.query((rs, n) -> Map.entry(Kind.valueOf(rs.getString("kind")),
					new Usefulness.Counts(rs.getLong("shown"), rs.getLong("accepted"), rs.getLong("weighed"),
							rs.getLong("accepted_decided"), rs.getLong("accepted_met"), rs.getLong("idle_decided"),
							rs.getLong("idle_met"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The day of the summary's counts, or null before the first run. */
	LocalDate summaryAsOf() {
		return this.jdbc.sql("SELECT as_of FROM guidance_kind_summary ORDER BY as_of DESC LIMIT 1")
			.query((rs, n) -> rs.getDate(1).toLocalDate())
			.optional()
			.orElse(null);
	}

	/**
	 * Accepted stalling interventions whose outcome is known by {@code today}, per
	 * partner and intervention: how many, and how many led to their outcome.
	 */
	List<InterventionChoice.Tally> interventionTallies(LocalDate today) {
		return this.jdbc.sql("""
				SELECT partner_id, intervention, count(*) AS decided, count(outcome_at) AS met
				FROM guidance_recommendation
				WHERE state = 'ACCEPTED' AND intervention IS NOT NULL
				  AND (outcome_at IS NOT NULL OR outcome_due < :today)
				GROUP BY partner_id, intervention
				""")
			.param("today", Date.valueOf(today))
			.query((rs, n) -> new InterventionChoice.Tally(rs.getLong("partner_id"),
					Intervention.valueOf(rs.getString("intervention")), rs.getLong("decided"), rs.getLong("met")))
			.list();
	}

	private static RecommendationView view(ResultSet rs, int n) throws SQLException {
		var kind = Kind.valueOf(rs.getString("kind"));
		var partner = rs.getLong("partner_id");
		Long partnerId = rs.wasNull() ? null : partner;
		var snoozed = rs.getDate("snoozed_until");
		var acted = rs.getTimestamp("acted_at");
		var outcome = rs.getTimestamp("outcome_at");
		return new RecommendationView(rs.getLong("id"), kind, kind.label(), partnerId, rs.getString("title"),
				rs.getString("reason"), rs.getString("action_label"), rs.getString("action_link"),
				rs.getString("state"), rs.getString("dismiss_reason"), snoozed == null ? null : snoozed.toLocalDate(),
				rs.getDate("shown_on").toLocalDate(), acted == null ? null : acted.toInstant(),
				outcome == null ? null : outcome.toInstant());
	}

}
