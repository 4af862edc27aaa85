package com.trellis.guidance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.trellis.scoring.Pillar;
import com.trellis.shared.StoredFigures;

/**
 * Which intervention to propose for a partner whose momentum stalls: the one whose
 * accepted recommendations led to their outcome most often among similar partners (the
 * first group, in the order given, where at least two interventions have
 * {@value #MIN_DECIDED} accepted ones with a known outcome each); below that, the
 * rule-based default that follows the stalling score (readiness → training, behaviour →
 * an incentive, trust → an introduction). The reason says which, with the counts.
 */
final class InterventionChoice {

	/**
	 * Accepted interventions with a known outcome an intervention needs to be compared.
	 */
	static final int MIN_DECIDED = 5;

	private InterventionChoice() {
	}

	/**
	 * One partner's accepted interventions of one kind whose outcome is known: how many,
	 * and how many led to it.
	 */
	record Tally(long partnerId, Intervention intervention, long decided, long met) {
	}

	/**
	 * A group of partners similar to the stalling one, with how they are similar ("the
	 * cohort Q1 starters", "tier Gold", "partner type Reseller").
	 */
	record Peers(String basis, Set<Long> partnerIds) {
	}

	/**
	 * The intervention, whether it was learned from similar partners, and the reason in
	 * words.
	 */
	record Choice(Intervention intervention, boolean learned, String reason) {
	}

	/** The rule-based default for a stalling score. */
	static Choice byScore(Pillar pillar) {
		return switch (pillar) {
			case READINESS -> new Choice(Intervention.TRAINING, false,
					"Readiness rests on certified staff and applied enablement, so training is the intervention.");
			case BEHAVIOUR -> new Choice(Intervention.INCENTIVE, false,
					"Behaviour rests on registrations and activity, so an incentive to act is the intervention.");
			case TRUST -> new Choice(Intervention.INTRODUCTION, false,
					"Trust rests on the field inviting the partner, so an introduction to account executives is the intervention.");
		};
	}

	/**
	 * Chooses from what worked for the groups of similar partners, in order; falls back
	 * to {@link #byScore} when no group has enough measured interventions.
	 */
	static Choice choose(Pillar pillar, List<Peers> similar, List<Tally> tallies) {
		var fallback = byScore(pillar);
		for (var peers : similar) {
			var sums = new EnumMap<Intervention, long[]>(Intervention.class);
			for (var tally : tallies) {
				if (peers.partnerIds().contains(tally.partnerId())) {
					var sum = sums.computeIfAbsent(tally.intervention(), i -> new long[2]);
					sum[0] += tally.decided();
					sum[1] += tally.met();
				}
			}
			var measured = sums.entrySet().stream().filter(e -> e.getValue()[0] >= MIN_DECIDED).toList();
			if (measured.size() < 2) {
				continue;
			}
			var ranked = new ArrayList<>(measured);
			// the best rate first; on a tie the score's default, then the listed order
			ranked.sort(Comparator
				.comparing((Map.Entry<Intervention, long[]> e) -> rate(e.getValue()), Comparator.reverseOrder())
				.thenComparing(e -> e.getKey() != fallback.intervention())
				.thenComparing(Map.Entry::getKey));
			var best = ranked.get(0).getKey();
			var counts = new ArrayList<String>();
			for (var e : ranked) {
				counts.add(e.getKey().words() + " led to " + e.getKey().outcome().words() + " "
						+ StoredFigures.count(e.getValue()[1]) + " of " + StoredFigures.count(e.getValue()[0])
						+ " times (" + percent(rate(e.getValue())) + ")");
			}
			return new Choice(best, true,
					"What worked for similar partners (" + peers.basis() + ", "
							+ StoredFigures.count(peers.partnerIds().size()) + " partners): accepted "
							+ String.join("; ", counts) + ". So " + best.words() + " is the intervention.");
		}
		return new Choice(fallback.intervention(), false,
				"Too few accepted interventions with a known outcome among similar partners (" + MIN_DECIDED
						+ " each for two interventions in the same cohort, tier or partner type), so the rule-based"
						+ " choice stands: " + fallback.reason());
	}

	private static BigDecimal rate(long[] sum) {
		return BigDecimal.valueOf(sum[1]).divide(BigDecimal.valueOf(sum[0]), 4, RoundingMode.HALF_UP);
	}

	private static String percent(BigDecimal rate) {
		return StoredFigures.percent(rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP));
	}

}
