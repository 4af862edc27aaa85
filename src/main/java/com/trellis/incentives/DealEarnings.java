package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.trellis.deals.PartnerOutcomes;
import com.trellis.deals.OpportunityView;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CountingWins;

import org.springframework.stereotype.Component;

/**
 * What a deal earns under the referral programs. A deal is judged once, at its first win,
 * by every referral program in force on its close day ({@link ReferralJudgments}).
 * Afterwards (a correction, a credit decision, a reopen and a new win) only the programs
 * that judged it then are recomputed and the difference booked: a program created after
 * the win never starts earning because the deal changed. Fast-start SPIFFs depend on the
 * partner's other wins too and are settled per partner by {@link FastStartSlots}.
 */
@Component
class DealEarnings {

	private final LedgerRepository ledger;

	private final PartnerOutcomes outcomes;

	private final EarningWriter writer;

	private final CountingWins counting;

	private final ReferralJudgments judgments;

	private final BusinessCalendar calendar;

	private final Clock clock;

	DealEarnings(LedgerRepository ledger, PartnerOutcomes outcomes, EarningWriter writer, CountingWins counting,
			ReferralJudgments judgments, BusinessCalendar calendar, Clock clock) {
		this.judgments = judgments;
		this.ledger = ledger;
		this.outcomes = outcomes;
		this.writer = writer;
		this.counting = counting;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The partner's wins that count (amount above the configured floor). */
	List<OpportunityView> countingWins(long partnerId) {
		return this.outcomes.wonDeals(partnerId)
			.stream()
			.filter(d -> this.counting.counts(d.amount(), d.currency()))
			.toList();
	}

	/**
	 * Earns a referral for a win. At the deal's first win every referral program in force
	 * on its close day judges it, and is recorded as having judged it even when the deal
	 * earns nothing (no share, no amount, a rate of 0 % for its credit type), so that a
	 * later correction or credit decision earns what is due; a later win of the same deal
	 * earns only under those programs. Records the deal's first judgment either way (what
	 * {@link FastStartSlots} reads).
	 */
	void earnForWin(long partnerId, long opportunityId, List<OpportunityView> wins) {
		var deal = this.outcomes.wonDeals(partnerId)
			.stream()
			.filter(d -> d.id() == opportunityId)
			.findFirst()
			.orElse(null);
		if (deal == null) {
			return;
		}
		boolean first = this.ledger.claimWin(opportunityId, this.clock.instant());
		if (deal.closedAt() == null) {
			return;
		}
		var day = this.calendar.dayOf(deal.closedAt());
		var programs = this.ledger.programs();
		List<Long> judging;
		if (first) {
			judging = programs.stream()
				.filter(p -> p.kind() == ProgramKind.REFERRAL && p.effectiveOn(day))
				.map(Program::id)
				.toList();
			this.judgments.record(opportunityId, judging);
		}
		else {
			judging = this.judgments.of(opportunityId);
		}
		if (wins.stream().noneMatch(d -> d.id() == opportunityId)) {
			return;
		}
		for (var program : programs) {
			if (judging.contains(program.id()) && program.effectiveOn(day)) {
				judge(program, deal)
					.ifPresent(earned -> this.writer.earn(partnerId, program, "REFERRAL", generation(program, earned)));
			}
		}
	}

	/**
	 * Recomputes a corrected deal under each referral program that judged its first win
	 * (whether it earned then or not), booking the difference to what it holds (per
	 * currency, so a corrected currency moves the whole earning; a changed credit type or
	 * share changes the rate or the share it is paid on).
	 */
	void adjust(long partnerId, long opportunityId, String adjustment, String why) {
		var wins = countingWins(partnerId);
		var deal = wins.stream().filter(d -> d.id() == opportunityId).findFirst().orElse(null);
		var judging = this.judgments.of(opportunityId);
		for (var program : this.ledger.programs()) {
			if (!judging.contains(program.id())) {
				continue;
			}
			var target = deal == null ? Optional.<Earned>empty() : judge(program, deal);
			Map<String, BigDecimal> held = new TreeMap<>(this.ledger.heldFor(program.id(), opportunityId));
			target.ifPresent(t -> held.putIfAbsent(t.currency(), BigDecimal.ZERO));
			for (var entry : held.entrySet()) {
				var wanted = target.filter(t -> t.currency().equals(entry.getKey()))
					.map(Earned::amount)
					.orElse(BigDecimal.ZERO);
				var difference = wanted.subtract(entry.getValue());
				var basis = target.filter(t -> t.currency().equals(entry.getKey()))
					.map(t -> why + "; now " + t.basis())
					.orElse(why + "; the deal no longer earns under this program in " + entry.getKey());
				this.writer.earn(partnerId, program, "REFERRAL",
						new Earned("deal:" + opportunityId + ":adjusted:" + adjustment + ":" + entry.getKey(),
								opportunityId, null, difference, entry.getKey(), basis));
			}
		}
	}

	private static Optional<Earned> judge(Program program, OpportunityView deal) {
		return ReferralBonus.earn(ProgramParams.referral(program), won(deal));
	}

	/**
	 * A deal won again after a reversal earns again: its key carries the number of
	 * reversals.
	 */
	private Earned generation(Program program, Earned earned) {
		long reversals = earned.opportunityId() == null ? 0
				: this.ledger.reversalsOf(program.id(), earned.opportunityId());
		return reversals == 0 ? earned : new Earned(earned.sourceKey() + ":" + reversals, earned.opportunityId(),
				earned.period(), earned.amount(), earned.currency(), earned.basis());
	}

	/** A won deal as the rules see it (its share as the deal holds it). */
	static WonDeal won(OpportunityView deal) {
		return new WonDeal(deal.id(), deal.amount(), deal.currency(), deal.creditType(), deal.partnerShare(),
				deal.closedAt());
	}

}
