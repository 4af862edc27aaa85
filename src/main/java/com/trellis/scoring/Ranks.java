package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where each partner's score of a week stands in the program: the share of known scores
 * at or below it.
 */
final class Ranks {

	private final Map<Long, Map<Pillar, Map<LocalDate, BigDecimal>>> scores;

	private final LocalDate week;

	private final Map<Pillar, double[]> sorted = new EnumMap<>(Pillar.class);

	Ranks(Map<Long, Map<Pillar, Map<LocalDate, BigDecimal>>> scores, LocalDate week) {
		this.scores = scores;
		this.week = week;
		for (var pillar : Pillar.values()) {
			this.sorted.put(pillar,
					scores.values()
						.stream()
						.map(p -> p.getOrDefault(pillar, Map.of()).get(week))
						.filter(v -> v != null)
						.mapToDouble(BigDecimal::doubleValue)
						.sorted()
						.toArray());
		}
	}

	BigDecimal score(Pillar pillar, long partner) {
		return this.scores.getOrDefault(partner, Map.of()).getOrDefault(pillar, Map.of()).get(this.week);
	}

	/** The share of known scores at or below the partner's, or null when unknown. */
	Double of(Pillar pillar, long partner) {
		var score = score(pillar, partner);
		if (score == null) {
			return null;
		}
		var values = this.sorted.get(pillar);
		double value = score.doubleValue();
		int at = Arrays.binarySearch(values, value);
		while (at + 1 < values.length && values[at + 1] == value) {
			at++;
		}
		return (at + 1.0) / values.length;
	}

	/** The median of the amounts of some partners (zero for those without). */
	BigDecimal median(Collection<Long> partners, Map<Long, BigDecimal> amounts) {
		var values = partners.stream().map(p -> amounts.getOrDefault(p, BigDecimal.ZERO)).sorted().toList();
		return values.isEmpty() ? BigDecimal.ZERO : values.get((values.size() - 1) / 2);
	}

}
