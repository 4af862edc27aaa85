package com.trellis.tiers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;

import com.trellis.audit.AuditLog;
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
 * evaluate or notify twice.
 */
@Service
class TierEvaluation {

	private static final Logger log = LoggerFactory.getLogger(TierEvaluation.class);

	private final TierStore store;

	private final TierMoves moves;

	private final WeeklyScores scores;

	private final Partners partners;

	private final BusinessCalendar calendar;

	private final Clock clock;

	private final TransactionTemplate transaction;

	TierEvaluation(TierStore store, TierMoves moves, WeeklyScores scores, Partners partners, BusinessCalendar calendar,
			Clock clock, PlatformTransactionManager transactions) {
		this.store = store;
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
			var today = this.calendar.today();
			var thresholds = this.store.thresholds();
			var tiers = new HashMap<Long, Tier>();
			this.partners.inStatuses(EnumSet.allOf(LifecycleStatus.class)).forEach(p -> tiers.put(p.id(), p.tier()));
			expireOverrides(today, thresholds, tiers);
			var thisWeek = weekStart(today);
			var weeks = new ArrayList<>(this.scores.weeksBefore(thisWeek));
			weeks.add(thisWeek);
			int count = 0;
			for (int i = 0; i < weeks.size() - 1; i++) {
				count += evaluateWeek(weeks.get(i), weeks.get(i + 1), thresholds, tiers);
			}
			if (count > 0) {
				log.info("Tiers: {} weekly evaluations written", count);
			}
			return count;
		});
		return written == null ? 0 : written;
	}

	private int evaluateWeek(LocalDate week, LocalDate nextWeek, TierThresholds thresholds, HashMap<Long, Tier> tiers) {
		var done = new HashSet<>(this.store.evaluated(week));
		int count = 0;
		for (var entry : this.scores.week(week).entrySet()) {
			long partner = entry.getKey();
			var current = tiers.get(partner);
			if (done.contains(partner) || current == null) {
				continue;
			}
			var s = entry.getValue();
			var qualified = TierRule.qualify(s.readiness(), s.behaviour(), s.trust(), thresholds);
			var override = this.store.openOverride(partner);
			if (override != null) {
				this.store.recordEvaluation(partner, s, qualified.tier(), current, current,
						"override in force until " + override.expiresOn() + "; " + qualified.reason(),
						this.clock.instant());
				count++;
				continue;
			}
			var history = new ArrayList<>(this.store.sinceLastChange(partner));
			history.add(qualified.tier());
			var decision = TierRule.decide(current, history, thresholds.weeksHeld());
			this.store.recordEvaluation(partner, s, qualified.tier(), current, decision.tier(),
					qualified.reason() + "; " + decision.reason(), this.clock.instant());
			count++;
			if (decision.moves()) {
				var reason = decision.reason() + " (" + s.fiscalWeek() + ": " + qualified.reason() + ")";
				this.moves.move(partner, current, decision.tier(), nextWeek, "SCORES",
						new BigDecimal[] { s.readiness(), s.behaviour(), s.trust() }, reason, AuditLog.Actor.SYSTEM,
						"Your scores " + decision.reason() + ".");
				tiers.put(partner, decision.tier());
			}
		}
		return count;
	}

	private void expireOverrides(LocalDate today, TierThresholds thresholds, HashMap<Long, Tier> tiers) {
		for (long id : this.store.expiredOverrides(today)) {
			var override = this.store.override(id);
			this.store.endOverride(id, "expired on " + override.expiresOn(), this.clock.instant());
			var current = tiers.get(override.partnerId());
			var decision = TierRule.decide(current, this.store.sinceLastChange(override.partnerId()),
					thresholds.weeksHeld());
			if (decision.moves()) {
				var reason = "override expired on " + override.expiresOn() + "; " + decision.reason();
				this.moves.move(override.partnerId(), current, decision.tier(), today, "OVERRIDE_ENDED", null, reason,
						AuditLog.Actor.SYSTEM, "Your tier follows your scores again: they " + decision.reason() + ".");
				tiers.put(override.partnerId(), decision.tier());
			}
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
