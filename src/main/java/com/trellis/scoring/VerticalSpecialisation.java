package com.trellis.scoring;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Specialisation backed by wins: the industries in which the partner has won at least
 * {@value #WINS_FOR_A_VERTICAL} deals.
 */
final class VerticalSpecialisation extends NamedSignal {

	static final int WINDOW_DAYS = 730;

	static final int WINS_FOR_A_VERTICAL = 2;

	VerticalSpecialisation() {
		super("vertical-specialisation", "Specialisation (wins by vertical)", Pillar.READINESS,
				"Customer industries in which the partner won at least " + WINS_FOR_A_VERTICAL + " deals",
				"won deals, their stage history and the customer account's industry",
				"won in the last " + WINDOW_DAYS + " days", "verticals");
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		Map<String, Long> wins = new TreeMap<>();
		for (var deal : records.deals()) {
			var step = deal.stepAt(asOf);
			if (step != null && step.won() && asOf.within(step.at(), WINDOW_DAYS) && deal.industry() != null) {
				wins.merge(deal.industry(), 1L, Long::sum);
			}
		}
		var backed = wins.entrySet().stream().filter(e -> e.getValue() >= WINS_FOR_A_VERTICAL).toList();
		var declared = records.declaredVerticals().isEmpty() ? "none declared"
				: "declared: " + String.join(", ", records.declaredVerticals());
		if (backed.isEmpty()) {
			return Reading.of(0, "no industry with " + WINS_FOR_A_VERTICAL + " or more wins (" + declared + ")");
		}
		return Reading.of(backed.size(),
				backed.stream()
					.map(e -> e.getKey() + " (" + plural(e.getValue(), "win", "wins") + ")")
					.collect(Collectors.joining(", ")) + "; " + declared);
	}

}
