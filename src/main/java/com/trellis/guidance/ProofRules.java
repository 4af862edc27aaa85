package com.trellis.guidance;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.trellis.deals.OpportunityView;
import com.trellis.readiness.AssessmentView;
import com.trellis.shared.StoredFigures;

/**
 * A partner's rule before it asks its PAM for an introduction to account executives: the
 * use cases and specialisations of its latest readiness assessment that no won deal
 * proves yet, with the won deals it could attach; or, without any assessment, that it
 * names its use cases with their proof first.
 */
final class ProofRules {

	/** How many won deals the reason names as candidates. */
	static final int CANDIDATES = 3;

	private ProofRules() {
	}

	/**
	 * @param latest the partner's latest assessment, or null when it never submitted one
	 * @param won the partner's won deals
	 */
	static Optional<Advice> beforeIntroduction(long partnerId, AssessmentView latest, List<OpportunityView> won) {
		String missing;
		String subject;
		if (latest == null || latest.useCases().isEmpty()) {
			missing = latest == null ? "You have not described your use cases yet"
					: "Your readiness assessment names no use case";
			subject = "partner:" + partnerId + ":proof:" + (latest == null ? "none" : "v" + latest.version());
		}
		else {
			var unproven = Stream
				.concat(latest.useCases()
					.stream()
					.filter(i -> !i.proven())
					.map(i -> "use case \"" + StoredFigures.text(i.title()) + "\""),
						latest.specialisations()
							.stream()
							.filter(i -> !i.proven())
							.map(i -> "specialisation \"" + StoredFigures.text(i.title()) + "\""))
				.toList();
			if (unproven.isEmpty()) {
				return Optional.empty();
			}
			missing = "In version " + latest.version() + " of your readiness assessment, " + join(unproven)
					+ (unproven.size() == 1 ? " has" : " have") + " no won deal as proof";
			subject = "partner:" + partnerId + ":proof:v" + latest.version();
		}
		var attached = new HashSet<Long>();
		if (latest != null) {
			Stream.concat(latest.useCases().stream(), latest.specialisations().stream())
				.filter(AssessmentView.Item::proven)
				.forEach(i -> attached.add(i.proofDealId()));
		}
		var candidates = won.stream()
			.filter(d -> !attached.contains(d.id()))
			.sorted(Comparator.comparing(OpportunityView::closedAt, Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(OpportunityView::id))
			.limit(CANDIDATES)
			.map(d -> StoredFigures.text(d.name()) + " (deal " + d.id() + ", "
					+ ReasonMoney.of(d.amount(), d.currency()) + ")")
			.toList();
		var reason = missing + "; account executives are introduced to partners whose claims a won deal proves. "
				+ (candidates.isEmpty() ? "You have no won deal left to attach: your next win is the proof."
						: "Won deals you could attach: " + String.join(", ", candidates) + ".");
		return Optional
			.of(new Advice(Kind.PROOF_POINTS, subject, partnerId, "Attach proof before asking for an introduction",
					reason, "Open your readiness assessment", "/partners/" + partnerId + "/readiness"));
	}

	private static String join(List<String> items) {
		if (items.size() == 1) {
			return items.get(0);
		}
		return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", ")) + " and "
				+ items.get(items.size() - 1);
	}

}
