package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.trellis.shared.Conversions;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.ReportingCurrency;

/**
 * What the incentive programs cost per partner, in the reporting currency: each
 * currency's total is converted first, then the partners are ranked by the sum and the
 * list is cut. The original totals per currency are kept beside the converted figure; a
 * currency without an exchange rate is named and left out of the sum.
 *
 * @param partnerId the partner
 * @param total the cost in the reporting currency
 * @param currency the reporting currency
 * @param entries the number of ledger entries counted
 * @param byCurrency the totals in their own currencies
 * @param withoutRate currencies that have no exchange rate and are not in the total
 */
public record ProgramCost(long partnerId, BigDecimal total, String currency, long entries,
		Map<String, BigDecimal> byCurrency, List<String> withoutRate) {

	public ProgramCost {
		total = MinorUnits.round(total, currency);
	}

	/** One partner's total in one currency, as the ledger sums it. */
	record Line(long partnerId, String currency, BigDecimal total, long entries) {

		Line {
			total = MinorUnits.round(total, currency);
		}

	}

	static List<ProgramCost> rank(List<Line> lines, Conversions conversions, int limit) {
		var byPartner = new HashMap<Long, List<Line>>();
		lines.forEach(line -> byPartner.computeIfAbsent(line.partnerId(), id -> new ArrayList<>()).add(line));
		var costs = new ArrayList<ProgramCost>();
		byPartner.forEach((partner, own) -> {
			var total = BigDecimal.ZERO;
			long entries = 0;
			var originals = new TreeMap<String, BigDecimal>();
			var missing = new TreeSet<String>();
			for (var line : own) {
				originals.put(line.currency(), line.total());
				entries += line.entries();
				var converted = conversions.toReporting(line.total(), line.currency());
				if (converted.isPresent()) {
					total = total.add(converted.get());
				}
				else {
					missing.add(line.currency());
				}
			}
			costs.add(new ProgramCost(partner, ReportingCurrency.round(total), ReportingCurrency.CODE, entries,
					originals, List.copyOf(missing)));
		});
		costs.sort(Comparator.comparing(ProgramCost::total).reversed().thenComparing(ProgramCost::partnerId));
		return List.copyOf(costs.subList(0, Math.min(limit, costs.size())));
	}

}
