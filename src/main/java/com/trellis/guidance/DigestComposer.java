package com.trellis.guidance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.trellis.shared.StoredFigures;

/**
 * Writes one person's weekly digest: their top recommendations in the order their home
 * page shows them, each with its reason and the link of its one action, which ones are
 * new since their last digest, and how many more wait on the guidance page. Nothing when
 * nothing waits.
 */
final class DigestComposer {

	/** How many recommendations a digest lists. */
	static final int TOP = 5;

	private DigestComposer() {
	}

	/** A digest as it goes out: the subject line and the plain-text body. */
	record Digest(String subject, String body, List<Long> listed) {
	}

	/**
	 * @param waiting the person's waiting recommendations, best first
	 * @param digestedBefore ids of those that an earlier digest listed already
	 * @param baseUrl where people reach Trellis, without a trailing slash
	 */
	static Optional<Digest> compose(String name, LocalDate weekStart, List<RecommendationView> waiting,
			Set<Long> digestedBefore, String baseUrl) {
		if (waiting.isEmpty()) {
			return Optional.empty();
		}
		var listed = waiting.stream().limit(TOP).toList();
		var subject = "Your guidance for the week of " + weekStart + ": " + waiting.size()
				+ (waiting.size() == 1 ? " recommendation" : " recommendations");
		var body = new StringBuilder();
		body.append("Hello ").append(StoredFigures.text(name)).append(",\n\n");
		body.append(listed.size() == waiting.size() ? "what to do next, best first:\n"
				: "your top " + listed.size() + " of " + waiting.size() + " recommendations, best first:\n");
		int n = 0;
		for (var r : listed) {
			n++;
			body.append('\n')
				.append(n)
				.append(". ")
				.append(r.title())
				.append(" (")
				.append(r.kindLabel())
				.append(digestedBefore.contains(r.id()) ? ")" : ", new)")
				.append('\n');
			body.append("   Why: ").append(r.reason()).append('\n');
			body.append("   ")
				.append(r.actionLabel())
				.append(": ")
				.append(absolute(baseUrl, r.actionLink()))
				.append('\n');
		}
		int more = waiting.size() - listed.size();
		body.append('\n');
		if (more > 0) {
			body.append(more).append(more == 1 ? " more is" : " more are").append(" waiting. ");
		}
		body.append("Accept, dismiss or snooze them on ")
			.append(baseUrl)
			.append("/guidance")
			.append("; a dismissed or accepted recommendation never comes back, a snoozed one only after its day.");
		return Optional.of(new Digest(subject, body.toString(), listed.stream().map(RecommendationView::id).toList()));
	}

	private static String absolute(String baseUrl, String link) {
		return link.startsWith("/") ? baseUrl + link : link;
	}

}
