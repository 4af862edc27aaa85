package com.trellis.tiers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.trellis.audit.AuditLog;
import com.trellis.facts.DealFacts;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.Partners;
import com.trellis.partners.Tier;
import com.trellis.scoring.WeeklyScores;
import com.trellis.shared.BusinessCalendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly evaluation: ends the overrides whose day has come, then evaluates every
 * finished fiscal week with stored scores that a partner has no evaluation for yet,
 * oldest first, moving partners as {@link TierRule} decides. One transaction under an
 * advisory lock, each (partner, week) once: two instances or a rerun after a crash never
 * evaluate or notify twice. The week's evaluations are written in batches and the
 * forecast counts of the partners that moved are recounted once at the end
 * ({@link DealFacts#deferTierRecounts()}), so that a first run over tens of thousands of
 * partners and a dozen back-filled weeks stays a matter of seconds per week.
 */
@Service
class TierEvaluation {

	private static final Logger log = LoggerFactory.getLogger(TierEvaluation.class);

	private final TierStore store;

	private final TierOverrideStore overrideStore;

	private final TierMoves moves;

	private final WeeklyScores scores;

	private final Partners partners;

	private final BusinessCalendar calendar;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final DealFacts facts;

	private final OverrideEnds ends;

	TierEvaluation(TierStore store, TierOverrideStore overrideStore, TierMoves moves, WeeklyScores scores,
			Partners partners, BusinessCalendar calendar, Clock clock, PlatformTransactionManager transactions,
			DealFacts facts, OverrideEnds ends) {
		this.facts = facts;
		this.ends = ends;
		this.store = store;
		this.overrideStore = overrideStore;
		this.moves = moves;
		this.scores = scores;
		this.partners = partners;
		this.calendar = calendar;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Runs the evaluation; returns the evaluations written (0 when another ran it). */
	int run() {
		var written = this.transaction.execute(status -> {
			if (!this.store.lockRun()) {
				return 0;
			}
			this.facts.deferTierRecounts();
			var today = this.calendar.today();
			var thresholds = this.store.thresholds();
			var tiers = new HashMap<Long, Tier>();
			this.partners.inStatuses(EnumSet.allOf(LifecycleStatus.class)).forEach(p -> tiers.put(p.id(), p.tier()));
			expireOverrides(today, thresholds, tiers);
			var state = new State(thresholds, tiers, this.overrideStore.openOverrideExpiries(),
					this.store.allSinceLastChange());
			var thisWeek = weekStart(today);
			var weeks = new ArrayList<>(this.scores.weeksBefore(thisWeek));
			weeks.add(thisWeek);
			int count = 0;
			for (int i = 0; i < weeks.size() - 1; i++) {
				count += evaluateWeek(weeks.get(i), weeks.get(i + 1), state);
			}
			this.facts.recountDeferredTiers();
			if (count > 0) {
				log.info("Tiers: {} weekly evaluations written", count);
			}
			return count;
		});
		return written == null ? 0 : written;
	}

	/**
	 * What the evaluation keeps in memory across the weeks: each partner's tier, open
	 * override (expiry day) and the tiers its evaluations since its last change qualified
	 * for, so that a week costs a few statements whatever the number of partners.
	 */
	private record State(TierThresholds thresholds, Map<Long, Tier> tiers, Map<Long, LocalDate> overrides,
			Map<Long, List<Tier>> history) {
	}

	private int evaluateWeek(LocalDate week, LocalDate nextWeek, State state) {
		var done = new HashSet<>(this.store.evaluated(week));
		var rows = new ArrayList<TierStore.Evaluation>();
		for (var entry : this.scores.week(week).entrySet()) {
			long partner = entry.getKey();
			var current = state.tiers().get(partner);
			if (done.contains(partner) || current == null) {
				continue;
			}
			var s = entry.getValue();
			var qualified = TierRule.qualify(s.readiness(), s.behaviour(), s.trust(), state.thresholds());
			var history = state.history().computeIfAbsent(partner, k -> new ArrayList<>());
			history.add(qualified.tier());
			var overrideEnds = state.overrides().get(partner);
			if (overrideEnds != null) {
				rows.add(new TierStore.Evaluation(partner, s, qualified.tier(), current, current,
						"override in force until " + overrideEnds + "; " + qualified.reason()));
				continue;
			}
			var decision = TierRule.decide(current, history, state.thresholds().weeksHeld());
			rows.add(new TierStore.Evaluation(partner, s, qualified.tier(), current, decision.tier(),
					qualified.reason() + "; " + decision.reason()));
			if (decision.moves()) {
				var reason = decision.reason() + " (" + s.fiscalWeek() + ": " + qualified.reason() + ")";
				this.moves.move(partner, current, decision.tier(), nextWeek, "SCORES",
						new BigDecimal[] { s.readiness(), s.behaviour(), s.trust() }, reason, AuditLog.Actor.SYSTEM,
						"Your scores " + decision.reason() + ".");
				state.tiers().put(partner, decision.tier());
				history.clear();
			}
		}
		this.store.recordEvaluations(rows, this.clock.instant());
		return rows.size();
	}

	private void expireOverrides(LocalDate today, TierThresholds thresholds, Map<Long, Tier> tiers) {
		for (long id : this.overrideStore.expiredOverrides(today)) {
			var override = this.overrideStore.override(id);
			var after = this.ends.end(override, tiers.get(override.partnerId()), thresholds.weeksHeld(), today,
					"expired on " + override.expiresOn(), "override expired on " + override.expiresOn(),
					AuditLog.Actor.SYSTEM, "The override of your tier expired on " + override.expiresOn() + ".");
			tiers.put(override.partnerId(), after);
		}
	}

	/**
	 * The first day of the fiscal week a day falls in (as the scoring module keys weeks).
	 */
	LocalDate weekStart(LocalDate day) {
		var quarter = this.calendar.quarterOf(day);
		return quarter.weekStart(quarter.weekOf(day));
	}

}
