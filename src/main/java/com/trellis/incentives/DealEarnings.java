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
 * by every referral program in force on its close day. Afterwards (a correction, a reopen
 * and a new win) only the programs that earned for it then are recomputed and the
 * difference booked: a program created after the win never starts earning because the
 * deal changed. Fast-start SPIFFs depend on the partner's other wins too and are settled
 * per partner by {@link FastStartSlots}.
 */
@Component
class DealEarnings {

	private final LedgerRepository ledger;

	private final PartnerOutcomes outcomes;

	private final EarningWriter writer;

	private final CountingWins counting;

	private final BusinessCalendar calendar;

	private final Clock clock;

	DealEarnings(LedgerRepository ledger, PartnerOutcomes outcomes, EarningWriter writer, CountingWins counting,
			BusinessCalendar calendar, Clock clock) {
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
	 * Earns a referral for a win: at the deal's first win under every referral program in
	 * force on its close day, at a later win of the same deal only under the programs it
	 * earned from before. Records the deal's first judgment either way (what
	 * {@link FastStartSlots} reads).
	 */
	void earnForWin(long partnerId, long opportunityId, List<OpportunityView> wins) {
		var won = this.outcomes.wonDeals(partnerId).stream().anyMatch(d -> d.id() == opportunityId);
		if (!won) {
			return;
		}
		boolean first = this.ledger.claimWin(opportunityId, this.clock.instant());
		var deal = wins.stream().filter(d -> d.id() == opportunityId).findFirst().orElse(null);
		if (deal == null || deal.closedAt() == null) {
			return;
		}
		var earnedBefore = first ? List.<Long>of() : this.ledger.programsThatEarned(opportunityId);
		var day = this.calendar.dayOf(deal.closedAt());
		for (var program : this.ledger.programs()) {
			if (program.kind() != ProgramKind.REFERRAL || (!first && !earnedBefore.contains(program.id()))
					|| !program.effectiveOn(day)) {
				continue;
			}
			judge(program, deal)
				.ifPresent(earned -> this.writer.earn(partnerId, program, "REFERRAL", generation(program, earned)));
		}
	}

	/**
	 * Recomputes a corrected deal under each referral program it earned from, booking the
	 * difference to what it holds (per currency, so a corrected currency moves the whole
	 * earning; a changed credit type or share changes the rate or the share it is paid
	 * on).
	 */
	void adjust(long partnerId, long opportunityId, String adjustment, String why) {
		var wins = countingWins(partnerId);
		var deal = wins.stream().filter(d -> d.id() == opportunityId).findFirst().orElse(null);
		var earnedBefore = this.ledger.programsThatEarned(opportunityId);
		for (var program : this.ledger.programs()) {
			if (program.kind() != ProgramKind.REFERRAL || !earnedBefore.contains(program.id())) {
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
