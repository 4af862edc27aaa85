package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.trellis.deals.PartnerOutcomes;
import com.trellis.deals.OpportunityView;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CountingWins;

import org.springframework.stereotype.Component;

/**
 * What a deal earns under the deal rules (referral, fast-start SPIFF). A deal is judged
 * once, at its first win, by every program in force on its close day. Afterwards (a
 * correction, a reopen and a new win) only the programs that earned for it then are
 * recomputed and the difference booked: a program created after the win, or a SPIFF whose
 * slots were taken, never starts earning because the deal changed.
 */
@Component
class DealEarnings {

	private final LedgerRepository ledger;

	private final PartnerOutcomes outcomes;

	private final Partners partners;

	private final EarningWriter writer;

	private final CountingWins counting;

	private final BusinessCalendar calendar;

	private final Clock clock;

	DealEarnings(LedgerRepository ledger, PartnerOutcomes outcomes, Partners partners, EarningWriter writer,
			CountingWins counting, BusinessCalendar calendar, Clock clock) {
		this.ledger = ledger;
		this.outcomes = outcomes;
		this.partners = partners;
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
	 * Earns for a win: at the deal's first win under every program in force on its close
	 * day, at a later win of the same deal only under the programs it earned from before.
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
			if ((!first && !earnedBefore.contains(program.id())) || !program.effectiveOn(day)) {
				continue;
			}
			judge(program, partnerId, deal, wins).ifPresent(
					earned -> this.writer.earn(partnerId, program, kindOf(program), generation(program, earned)));
		}
	}

	/**
	 * Recomputes a corrected deal under each program it earned from, booking the
	 * difference to what it holds (per currency, so a corrected currency moves the whole
	 * earning).
	 */
	void adjust(long partnerId, long opportunityId, String adjustment, String why) {
		var wins = countingWins(partnerId);
		var deal = wins.stream().filter(d -> d.id() == opportunityId).findFirst().orElse(null);
		var earnedBefore = this.ledger.programsThatEarned(opportunityId);
		for (var program : this.ledger.programs()) {
			if (!earnedBefore.contains(program.id())) {
				continue;
			}
			var target = deal == null ? Optional.<Earned>empty() : judge(program, partnerId, deal, wins);
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
				this.writer.earn(partnerId, program, kindOf(program),
						new Earned("deal:" + opportunityId + ":adjusted:" + adjustment + ":" + entry.getKey(),
								opportunityId, null, difference, entry.getKey(), basis));
			}
		}
	}

	private Optional<Earned> judge(Program program, long partnerId, OpportunityView deal, List<OpportunityView> wins) {
		if (program.kind() == ProgramKind.REFERRAL) {
			return ReferralBonus.earn(ProgramParams.referral(program), won(deal));
		}
		if (program.kind() == ProgramKind.FAST_START_SPIFF) {
			return FastStartSpiff
				.earn(ProgramParams.spiff(program), this.partners.onboardedOn(partnerId),
						wins.stream().map(DealEarnings::won).toList(), this.calendar.zone(), program::effectiveOn)
				.stream()
				.filter(earned -> earned.opportunityId() != null && earned.opportunityId() == deal.id())
				.findFirst();
		}
		return Optional.empty();
	}

	private static String kindOf(Program program) {
		return program.kind() == ProgramKind.REFERRAL ? "REFERRAL" : "SPIFF";
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

	private static WonDeal won(OpportunityView deal) {
		return new WonDeal(deal.id(), deal.amount(), deal.currency(), deal.creditType(), deal.partnerShare(),
				deal.closedAt());
	}

}
