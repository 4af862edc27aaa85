package com.trellis.fit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.PartnerType;

/**
 * Ranks the partners that fit a deal from their similar won deals and their trust score.
 * <ul>
 * <li>A partner's evidence is the sum of its similar won deals' points
 * ({@link DealSimilarity}).</li>
 * <li>Trust weighs the evidence: weight = 0.5 + trust ÷ 200 (trust 0 halves it, trust 100
 * keeps it whole); a partner whose trust is unknown is weighed as trust 0.</li>
 * <li>fit = evidence × weight, one decimal; the highest first, then more similar won
 * deals, higher trust, and the partner id.</li>
 * <li>Only partners that take deals (active or onboarding) are listed; at most
 * {@link #SHOWN}.</li>
 * <li>Evidence names at most {@link #NAMED} deals, the most alike first, and only deals
 * the viewer may open; the rest are counted, never named.</li>
 * </ul>
 */
final class FitRanking {

	static final int SHOWN = 5;

	static final int NAMED = 3;

	private static final Set<LifecycleStatus> TAKING_DEALS = Set.of(LifecycleStatus.ACTIVE, LifecycleStatus.ONBOARDING);

	private FitRanking() {
	}

	static List<PartnerFit> rank(List<Candidate> candidates) {
		var scored = new ArrayList<Scored>();
		for (var candidate : candidates) {
			if (candidate.wins().isEmpty() || !TAKING_DEALS.contains(candidate.status())) {
				continue;
			}
			int points = candidate.wins().stream().mapToInt(Win::points).sum();
			var weight = weight(candidate.trust());
			var fit = BigDecimal.valueOf(points).multiply(weight).setScale(1, RoundingMode.HALF_UP);
			scored.add(new Scored(candidate, points, weight, fit));
		}
		scored.sort(Comparator.comparing(Scored::fit)
			.reversed()
			.thenComparing(s -> -s.candidate().wins().size())
			.thenComparing(s -> s.candidate().trust() == null ? BigDecimal.valueOf(-1) : s.candidate().trust(),
					Comparator.reverseOrder())
			.thenComparingLong(s -> s.candidate().partnerId()));
		var fits = new ArrayList<PartnerFit>();
		for (var s : scored.subList(0, Math.min(SHOWN, scored.size()))) {
			var c = s.candidate();
			var named = c.wins()
				.stream()
				.filter(Win::visible)
				.sorted(Comparator.comparingInt(Win::points).reversed())
				.limit(NAMED)
				.map(w -> new SimilarDeal(w.dealId(), w.name(), w.points(), w.alike()))
				.toList();
			int unnamed = c.wins().size() - named.size();
			fits.add(new PartnerFit(fits.size() + 1, c.partnerId(), c.name(), c.type(), s.fit(), c.wins().size(),
					s.points(), c.trust(), c.trustUnknownReason(), named, unnamed, reason(s), c.onDeal()));
		}
		return fits;
	}

	/** The weight trust gives the evidence: 0.5 + trust ÷ 200, unknown as 0. */
	static BigDecimal weight(BigDecimal trust) {
		var t = trust == null ? BigDecimal.ZERO : trust;
		return new BigDecimal("0.5").add(t.divide(BigDecimal.valueOf(200), 4, RoundingMode.HALF_UP));
	}

	private static String reason(Scored s) {
		var c = s.candidate();
		int wins = c.wins().size();
		var trust = c.trust() == null ? "trust unknown (" + c.trustUnknownReason() + "), weighed as 0"
				: "trust " + c.trust().setScale(1, RoundingMode.HALF_UP).toPlainString();
		return "%d similar won deal%s worth %d point%s (%d alike in every trait), %s: weight %s, fit %s".formatted(wins,
				wins == 1 ? "" : "s", s.points(), s.points() == 1 ? "" : "s",
				c.wins().stream().filter(w -> w.points() == DealSimilarity.MAX_POINTS).count(), trust,
				s.weight().stripTrailingZeros().toPlainString(), s.fit().toPlainString());
	}

	/** A partner with its similar won deals, as the service reads them. */
	record Candidate(long partnerId, String name, PartnerType type, LifecycleStatus status, BigDecimal trust,
			String trustUnknownReason, List<Win> wins, boolean onDeal) {
	}

	/** One similar won deal of a candidate; {@code visible}: the viewer may open it. */
	record Win(long dealId, String name, int points, List<String> alike, boolean visible) {
	}

	private record Scored(Candidate candidate, int points, BigDecimal weight, BigDecimal fit) {
	}

}
