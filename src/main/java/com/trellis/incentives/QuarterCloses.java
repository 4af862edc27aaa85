package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import com.trellis.audit.AuditLog;
import com.trellis.deals.PartnerOutcomes;
import com.trellis.deals.PartnerRevenue;
import com.trellis.shared.Conversions;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ConflictException;
import com.trellis.shared.ExchangeRates;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.MoneyFormat;
import com.trellis.shared.StoredFigures;

import org.springframework.stereotype.Component;

/**
 * Closes a quarter once it is over (rebates and MDF accruals per partner, the top partner
 * of the quarter) and settles closed quarters again when a deal in them changes: what a
 * partner should hold is computed from the deals as they are now, and the difference to
 * what it holds is written as a new ledger entry, so settling twice writes nothing. Each
 * program counts only the wins closed on its own days. Revenue is converted deal by deal
 * into the program's currency (the badge: the reporting currency) before it is summed,
 * compared with a threshold or ranked.
 */
@Component
class QuarterCloses {

	private final LedgerRepository ledger;

	private final QuarterRepository quarters;

	private final PartnerOutcomes outcomes;

	private final ExchangeRates rates;

	private final EarningWriter writer;

	private final AuditLog audit;

	private final Clock clock;

	private final BusinessCalendar calendar;

	QuarterCloses(LedgerRepository ledger, QuarterRepository quarters, PartnerOutcomes outcomes, ExchangeRates rates,
			EarningWriter writer, AuditLog audit, Clock clock, BusinessCalendar calendar) {
		this.calendar = calendar;
		this.ledger = ledger;
		this.quarters = quarters;
		this.outcomes = outcomes;
		this.rates = rates;
		this.writer = writer;
		this.audit = audit;
		this.clock = clock;
	}

	/** Closes the quarter of a day; refused (409) before the quarter is over. */
	int close(LocalDate anyDayInQuarter) {
		var fiscal = this.calendar.quarterOf(anyDayInQuarter);
		var quarter = new QuarterRepository.ClosedQuarter(fiscal.label(), fiscal.start(), fiscal.end());
		var today = this.calendar.today();
		QuarterCloseRule.refusal(quarter.period(), quarter.end(), today).ifPresent(reason -> {
			throw new ConflictException("day", reason);
		});
		this.quarters.lock(quarter.period());
		this.quarters.markClosed(quarter, this.clock.instant());
		return settle(quarter, null, "closing " + quarter.period());
	}

	/** Settles a partner's closed quarters again after one of its deals changed. */
	void recompute(long partnerId, String why) {
		for (var quarter : this.quarters.closed()) {
			this.quarters.lock(quarter.period());
			settle(quarter, partnerId, why);
		}
	}

	private int settle(QuarterRepository.ClosedQuarter quarter, Long onlyPartner, String why) {
		var lines = this.outcomes.wonRevenue(instant(quarter.start()), instant(quarter.end()));
		var conversions = new Conversions(this.rates);
		int written = 0;
		for (var program : this.ledger.programs()) {
			if (!program.overlaps(quarter.start(), quarter.end().minusDays(1))
					|| (program.kind() != ProgramKind.QUARTERLY_REBATE && program.kind() != ProgramKind.MDF)) {
				continue;
			}
			var revenue = revenueIn(linesInForce(program, quarter, lines), program.currency(), conversions);
			var tiers = ProgramParams.tiers(program);
			var key = (program.kind() == ProgramKind.MDF ? "mdf:" : "quarter:") + quarter.period() + ":"
					+ program.currency();
			var partners = new TreeSet<Long>();
			if (onlyPartner == null) {
				partners.addAll(revenue.keySet());
				partners.addAll(this.quarters.holders(program.id(), key));
			}
			else {
				partners.add(onlyPartner);
			}
			for (long partner : partners) {
				var amount = revenue.getOrDefault(partner, BigDecimal.ZERO);
				Optional<Earned> target = amount.signum() <= 0 ? Optional.empty()
						: program.kind() == ProgramKind.MDF
								? MdfAccrual.earn(tiers, quarter.period(), amount, program.currency())
								: QuarterlyRebate.earn(tiers, quarter.period(), amount, program.currency());
				if (settle(partner, program, key, quarter.period(), target, why)) {
					written++;
				}
			}
		}
		crownTopPartner(quarter.period(), revenueIn(lines, ReportingCurrency.CODE, conversions));
		return written;
	}

	private boolean settle(long partnerId, Program program, String key, String period, Optional<Earned> target,
			String why) {
		var kind = program.kind() == ProgramKind.MDF ? "MDF_FUND" : "REBATE";
		var held = this.quarters.held(program.id(), partnerId, key);
		if (!held.first()) {
			return target.isPresent() && this.writer.earn(partnerId, program, kind, target.get());
		}
		var currency = program.currency();
		var wanted = target.map(earned -> MinorUnits.round(earned.amount(), currency)).orElse(BigDecimal.ZERO);
		var difference = wanted.subtract(held.net());
		if (difference.signum() == 0) {
			return false;
		}
		var basis = "recomputed after " + why + ": " + target.map(Earned::basis).orElse("no tier reached any more")
				+ "; held " + StoredFigures.money(held.net(), currency) + ", now "
				+ StoredFigures.money(wanted, currency);
		return this.writer.earn(partnerId, program, kind,
				new Earned(key + ":adjusted:" + (held.adjustments() + 1), null, period, difference, currency, basis));
	}

	/**
	 * The badge goes to the partner with the highest revenue in the reporting currency
	 * (the lower id on a tie), and moves when a change makes another partner the highest.
	 */
	private void crownTopPartner(String period, Map<Long, BigDecimal> revenue) {
		var top = revenue.entrySet()
			.stream()
			.filter(entry -> entry.getValue().signum() > 0)
			.max(Map.Entry.<Long, BigDecimal>comparingByValue()
				.thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
		var holder = this.quarters.topPartner(period);
		if (top.isEmpty()) {
			holder.ifPresent(partner -> {
				this.quarters.takeTopPartner(period);
				this.audit.record(AuditLog.Actor.SYSTEM, "partner-badge", partner + ":" + period,
						"top partner of " + period + " taken back: no closed-won revenue left", null, null);
			});
			return;
		}
		long partner = top.get().getKey();
		if (holder.isPresent() && holder.get() == partner) {
			return;
		}
		var reason = "highest closed-won revenue in " + period + ": "
				+ MoneyFormat.of(top.get().getValue(), ReportingCurrency.CODE) + " (all currencies converted)";
		this.quarters.giveTopPartner(period, partner, reason, this.clock.instant());
		this.audit.record(AuditLog.Actor.SYSTEM, "partner-badge", partner + ":" + period,
				holder.map(previous -> "top partner of " + period + " moved from partner " + previous)
					.orElse("top partner of " + period) + ": " + reason,
				null, null);
	}

	/**
	 * The quarter's wins closed on a day the program is in force: a program that starts
	 * or ends inside the quarter counts only the wins of its own days.
	 */
	private List<PartnerRevenue> linesInForce(Program program, QuarterRepository.ClosedQuarter quarter,
			List<PartnerRevenue> lines) {
		var from = program.startsOn().isAfter(quarter.start()) ? program.startsOn() : quarter.start();
		var to = (program.endsOn() == null || !program.endsOn().isBefore(quarter.end())) ? quarter.end()
				: program.endsOn().plusDays(1);
		if (from.equals(quarter.start()) && to.equals(quarter.end())) {
			return lines;
		}
		return this.outcomes.wonRevenue(instant(from), instant(to));
	}

	private static Map<Long, BigDecimal> revenueIn(List<PartnerRevenue> lines, String currency,
			Conversions conversions) {
		var revenue = new TreeMap<Long, BigDecimal>();
		for (var line : lines) {
			conversions.convert(line.amount(), line.currency(), currency)
				.ifPresent(amount -> revenue.merge(line.partnerId(), amount, BigDecimal::add));
		}
		return revenue;
	}

	private Instant instant(LocalDate day) {
		return this.calendar.startOf(day);
	}

}
