package com.trellis.scoring;

import com.trellis.shared.Plural;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Composes a score from its signals' readings by the rubric, and decides when it is
 * unknown. A signal that is unknown is left out and the others share the whole 100 points
 * in proportion to their weights; when the known signals carry less than
 * {@value #MINIMUM_KNOWN_WEIGHT} of the weight, or the partner was onboarded less than
 * {@value #MINIMUM_DAYS_ONBOARDED} days before the cut-off, the score is unknown with the
 * reason. Points have one decimal and add up to the score exactly (largest remainder).
 */
final class ScoreRule {

	static final int MINIMUM_KNOWN_WEIGHT = 50;

	static final int MINIMUM_DAYS_ONBOARDED = 30;

	private ScoreRule() {
	}

	static Score score(Pillar pillar, List<Rubric.Entry> entries, Map<String, Reading> readings, LocalDate onboardedOn,
			LocalDate day) {
		var unknown = tooNew(onboardedOn, day);
		int knownWeight = 0;
		for (var entry : entries) {
			if (readings.get(entry.signal().key()).known()) {
				knownWeight += entry.weight();
			}
		}
		if (unknown == null && knownWeight < MINIMUM_KNOWN_WEIGHT) {
			unknown = "too little data: the signals known carry " + knownWeight + " of 100 weight ("
					+ MINIMUM_KNOWN_WEIGHT + " needed); "
					+ entries.stream()
						.filter(e -> !readings.get(e.signal().key()).known())
						.map(e -> e.signal().nameInText() + ": " + readings.get(e.signal().key()).reason())
						.collect(Collectors.joining("; "));
		}
		if (unknown != null) {
			var parts = entries.stream().map(e -> new Score.Part(e, readings.get(e.signal().key()), null)).toList();
			return new Score(pillar, null, unknown, parts);
		}
		long[] tenths = new long[entries.size()];
		double[] remainders = new double[entries.size()];
		double exactTotal = 0;
		long given = 0;
		for (int i = 0; i < entries.size(); i++) {
			var entry = entries.get(i);
			var reading = readings.get(entry.signal().key());
			if (!reading.known()) {
				continue;
			}
			double exact = 1000.0 * entry.weight() * entry.ramp().share(reading.value().doubleValue()) / knownWeight;
			tenths[i] = (long) Math.floor(exact + 1e-9);
			remainders[i] = exact - tenths[i];
			exactTotal += exact;
			given += tenths[i];
		}
		long total = Math.round(exactTotal);
		while (given < total) {
			int largest = -1;
			for (int i = 0; i < entries.size(); i++) {
				if (readings.get(entries.get(i).signal().key()).known()
						&& (largest < 0 || remainders[i] > remainders[largest])) {
					largest = i;
				}
			}
			tenths[largest]++;
			remainders[largest] = -1;
			given++;
		}
		var parts = new ArrayList<Score.Part>();
		for (int i = 0; i < entries.size(); i++) {
			var entry = entries.get(i);
			var reading = readings.get(entry.signal().key());
			parts.add(new Score.Part(entry, reading, reading.known() ? BigDecimal.valueOf(tenths[i], 1) : null));
		}
		return new Score(pillar, BigDecimal.valueOf(total, 1), null, parts);
	}

	static String tooNew(LocalDate onboardedOn, LocalDate day) {
		if (onboardedOn == null || onboardedOn.isAfter(day)) {
			return "not onboarded by " + day;
		}
		long days = ChronoUnit.DAYS.between(onboardedOn, day);
		if (days < MINIMUM_DAYS_ONBOARDED) {
			return "onboarded " + Plural.of(days, "day") + " before; scores start " + MINIMUM_DAYS_ONBOARDED
					+ " days after onboarding";
		}
		return null;
	}

}
