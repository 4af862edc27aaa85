package com.trellis.incentives;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.trellis.audit.AuditLog;
import com.trellis.deals.OpportunityView;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.Plural;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a partner's fast-start SPIFFs on the deals that earn them now. Under each
 * {@code FAST_START_SPIFF} program the partner holds the bonus ({@code params.bonus}, in
 * the program's currency) on exactly the deals {@link FastStartSpiff} picks from its
 * counting wins as they are (the first {@code firstDeals} closed-won deals within
 * {@code withinDays} of the partner's onboarding day, by close moment then id, paid when
 * closed on a day the program is in force), so it holds min(firstDeals, wins in the
 * window) of them at most. Settled after every win, reopen and correction of one of its
 * deals: a deal that left those first wins (reopened, lost, corrected below the floor)
 * has its SPIFF reversed, one that entered them (a later win whose slot was freed) earns
 * it; both once, since a deal holding the bonus is never paid it again and one holding
 * none is never reversed. Only a deal judged at its first win while the program existed
 * (first judged at or after the program's creation, both by the injected clock), or one
 * that earned under it before, earns: a program created after a win never pays for it,
 * though the win keeps its place among the first. Callers take {@link #lockPartner}
 * before their first ledger write for the deal, so two changes to one partner's deals
 * settle one after the other, each reading what the other wrote.
 */
@Component
class FastStartSlots {

	private final JdbcClient jdbc;

	private final LedgerRepository ledger;

	private final Partners partners;

	private final EarningWriter writer;

	private final BusinessCalendar calendar;

	private final AuditLog audit;

	private final Clock clock;

	FastStartSlots(JdbcClient jdbc, LedgerRepository ledger, Partners partners, EarningWriter writer,
			BusinessCalendar calendar, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.partners = partners;
		this.writer = writer;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Serialises what the ledger does for one partner's deals (wins, reopens,
	 * corrections).
	 */
	void lockPartner(long partnerId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('incentive-spiff:' || :partner, 0))")
			.param("partner", partnerId)
			.query((rs, n) -> 1)
			.list();
	}

	/** Settles each SPIFF program for the partner's counting wins as they are now. */
	void settle(long partnerId, List<OpportunityView> countingWins, String why) {
		var programs = this.ledger.programs().stream().filter(p -> p.kind() == ProgramKind.FAST_START_SPIFF).toList();
		if (programs.isEmpty()) {
			return;
		}
		LocalDate onboardedOn = this.partners.onboardedOn(partnerId);
		var wins = countingWins.stream().filter(d -> d.closedAt() != null).map(DealEarnings::won).toList();
		for (var program : programs) {
			var params = ProgramParams.spiff(program);
			Map<Long, Earned> wanted = new TreeMap<>();
			FastStartSpiff.earn(params, onboardedOn, wins, this.calendar.zone(), program::effectiveOn)
				.forEach(earned -> wanted.put(earned.opportunityId(), earned));
			var holders = holders(program.id(), partnerId);
			for (long deal : holders) {
				if (!wanted.containsKey(deal)) {
					reverse(program.id(), deal,
							why + "; deal " + deal + " is no longer one of the partner's first "
									+ Plural.of(params.firstDeals(), "win") + " within "
									+ Plural.of(params.withinDays(), "day") + " of onboarding");
				}
			}
			for (var earned : wanted.values()) {
				long deal = earned.opportunityId();
				if (!holders.contains(deal) && mayEarn(program.id(), deal)) {
					this.writer.earn(partnerId, program, "SPIFF", keyed(program.id(), partnerId, earned));
				}
			}
		}
	}

	/**
	 * The deals holding the program's SPIFF for the partner: earnings net of reversals.
	 */
	private List<Long> holders(long programId, long partnerId) {
		return this.jdbc.sql("""
				SELECT opportunity_id FROM incentive_earning
				WHERE program_id = :program AND partner_id = :partner AND opportunity_id IS NOT NULL
				GROUP BY opportunity_id HAVING sum(amount) <> 0 ORDER BY opportunity_id
				""").param("program", programId).param("partner", partnerId).query(Long.class).list();
	}

	/**
	 * Whether the program existed at the deal's first win, or the deal earned under it.
	 */
	private boolean mayEarn(long programId, long opportunityId) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM incentive_deal_win w JOIN incentive_program p ON p.id = :program
				               WHERE w.opportunity_id = :deal AND w.first_judged_at >= p.created_at)
				    OR EXISTS (SELECT 1 FROM incentive_earning
				               WHERE program_id = :program AND opportunity_id = :deal AND kind = 'SPIFF')
				""").param("program", programId).param("deal", opportunityId).query(Boolean.class).single();
	}

	/**
	 * The earning under a key of its own: {@code deal:<id>} the first time, then
	 * {@code deal:<id>:<reversals>} as for a deal won again (see {@link DealEarnings}),
	 * with the count of the deal's entries added should that key be taken already.
	 */
	private Earned keyed(long programId, long partnerId, Earned earned) {
		long deal = earned.opportunityId();
		long reversals = this.ledger.reversalsOf(programId, deal);
		var key = reversals == 0 ? earned.sourceKey() : earned.sourceKey() + ":" + reversals;
		if (taken(programId, partnerId, key)) {
			key = key + ":" + this.jdbc
				.sql("SELECT count(*) FROM incentive_earning WHERE program_id = :program AND opportunity_id = :deal")
				.param("program", programId)
				.param("deal", deal)
				.query(Long.class)
				.single();
		}
		return new Earned(key, deal, earned.period(), earned.amount(), earned.currency(), earned.basis());
	}

	private boolean taken(long programId, long partnerId, String key) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM incentive_earning
				               WHERE program_id = :program AND partner_id = :partner AND source_key = :key)
				""")
			.param("program", programId)
			.param("partner", partnerId)
			.param("key", key)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Reverses the deal's entries under one program not reversed yet, audited and told.
	 */
	private void reverse(long programId, long opportunityId, String why) {
		var reversed = this.ledger.reverseDeal(opportunityId, programId, why, this.clock.instant());
		if (!reversed.isEmpty()) {
			this.audit.record(AuditLog.Actor.SYSTEM, "opportunity", opportunityId,
					reversed.size() + " incentive earnings reversed: " + why, null, null);
			this.writer.reversed(reversed, why);
		}
	}

}
