package com.trellis.cohorts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;

import com.trellis.audit.AuditLog;
import com.trellis.shared.BusinessCalendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes behind cohorts: applying the rule split (memberships that change are ended
 * and opened, so each partner's history is kept) and placing every partner on the journey
 * for the current fiscal week (and, the first time, the {@value #HISTORY_WEEKS} weeks
 * before, from the records as of each week's end).
 */
@Service
class CohortRuns {

	static final int HISTORY_WEEKS = 12;

	private static final Logger log = LoggerFactory.getLogger(CohortRuns.class);

	private final CohortRepository cohorts;

	private final JourneyRepository journey;

	private final BusinessCalendar calendar;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	CohortRuns(CohortRepository cohorts, JourneyRepository journey, BusinessCalendar calendar, AuditLog audit,
			JdbcClient jdbc, Clock clock) {
		this.cohorts = cohorts;
		this.journey = journey;
		this.calendar = calendar;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Makes the active rule cohorts the split's suggestion: a cohort whose key is
	 * suggested again keeps its id, new keys get a cohort, the others are retired;
	 * partners who move get their old membership ended and a new one opened now.
	 */
	@Transactional
	int applySplit(AuditLog.Actor actor) {
		return applySplit(actor, this.clock.instant());
	}

	private int applySplit(AuditLog.Actor actor, java.time.Instant now) {
		lock();
		var groups = CohortSplit.suggest(this.cohorts.candidates());
		var existing = this.cohorts.ruleCohorts();
		var current = this.cohorts.currentRuleCohort();
		var kept = new HashSet<Long>();
		var moved = 0;
		var placed = new HashSet<Long>();
		for (var group : groups) {
			var id = existing.get(group.key());
			if (id == null) {
				id = this.cohorts.create(group.name(), "RULE", group.key(), group.basis(), actor.userId(), now);
			}
			else {
				this.cohorts.rename(id, group.name(), group.basis());
			}
			kept.add(id);
			for (var partner : group.partnerIds()) {
				placed.add(partner);
				var was = current.get(partner);
				if (!id.equals(was)) {
					if (was != null) {
						this.cohorts.leave(was, partner, now);
					}
					this.cohorts.join(id, partner, group.basis(), now);
					moved++;
				}
			}
		}
		current.forEach((partner, cohort) -> {
			if (!placed.contains(partner)) {
				this.cohorts.leave(cohort, partner, now);
			}
		});
		existing.values().stream().filter(id -> !kept.contains(id)).forEach(id -> this.cohorts.retire(id, now));
		var summary = new HashMap<String, Object>();
		summary.put("cohorts", groups.size());
		summary.put("partnersMoved", moved);
		this.audit.record(actor, "cohort", "rule-split", "apply", null, summary);
		log.info("Rule cohorts: {} cohorts, {} partners placed or moved", groups.size(), moved);
		return groups.size();
	}

	/**
	 * The first rule split, when there are no cohorts at all (a fresh program or demo).
	 * True when it made cohorts.
	 */
	@Transactional
	boolean firstSplit() {
		lock();
		if (this.cohorts.any()) {
			return false;
		}
		// no cohort existed before: the first memberships start with the journey's
		// history
		var start = weekStart(this.calendar.today()).minusWeeks(HISTORY_WEEKS + 1);
		return applySplit(AuditLog.Actor.SYSTEM, this.calendar.startOf(start)) > 0;
	}

	/**
	 * Places every partner on the journey as of today into this fiscal week, and the
	 * first time the weeks before. True when it placed those weeks (the first time).
	 */
	@Transactional
	boolean placeWeek() {
		lock();
		var today = this.calendar.today();
		var start = weekStart(today);
		placeAsOf(today);
		if (this.journey.hasWeekBefore(start)) {
			return false;
		}
		var day = start.minusDays(1);
		for (int week = 1; week <= HISTORY_WEEKS; week++) {
			placeAsOf(day);
			day = weekStart(day).minusDays(1);
		}
		return true;
	}

	/**
	 * Places every partner by the program's criteria and, for each cohort with criteria
	 * of its own, its members at the day's end by those.
	 */
	private void placeAsOf(LocalDate day) {
		var criteria = this.journey.criteria();
		var end = this.calendar.startOf(day.plusDays(1));
		var facts = this.journey.facts(end);
		var byCohort = new HashMap<Long, java.util.Map<Long, JourneyPlacement.Placement>>();
		var program = new HashMap<Long, JourneyPlacement.Placement>();
		facts.forEach((partner, f) -> program.put(partner, JourneyPlacement.place(f, criteria)));
		byCohort.put(0L, program);
		var own = this.journey.cohortCriteria();
		this.journey.members(own.keySet(), end).forEach((cohort, partners) -> {
			var effective = JourneyPlacement.effective(criteria, own.get(cohort));
			var placements = new HashMap<Long, JourneyPlacement.Placement>();
			partners.stream()
				.filter(facts::containsKey)
				.forEach(partner -> placements.put(partner, JourneyPlacement.place(facts.get(partner), effective)));
			byCohort.put(cohort, placements);
		});
		var quarter = this.calendar.quarterOf(day);
		this.journey.replaceWeek(weekStart(day), "%s W%02d".formatted(quarter.label(), quarter.weekOf(day)), byCohort);
	}

	LocalDate weekStart(LocalDate day) {
		var quarter = this.calendar.quarterOf(day);
		return quarter.weekStart(quarter.weekOf(day));
	}

	/** Cohort writes wait for each other across instances (transaction-scoped lock). */
	private void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('trellis.cohorts'))").query(Object.class).single();
	}

}
