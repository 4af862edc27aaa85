package com.trellis.imports;

import java.util.Locale;
import java.util.Map;

import com.trellis.deals.Stage;

/**
 * Suggests the Trellis stage for a stage of the source, with the reason shown in the
 * mapping step: the export's own closed and won flags decide a closed stage; otherwise
 * the name, when it is (or is a typo of) a Trellis stage or a default stage of Salesforce
 * or HubSpot. A name it cannot place gets no suggestion; the admin maps it or its rows
 * are refused as of an unknown stage.
 */
final class StageSuggestion {

	private static final Map<String, Stage> KNOWN = Map.ofEntries(Map.entry("registered", Stage.REGISTERED),
			Map.entry("qualified", Stage.QUALIFIED), Map.entry("jointworking", Stage.JOINT_WORKING),
			Map.entry("commit", Stage.COMMIT), Map.entry("closedwon", Stage.CLOSED_WON),
			Map.entry("closedlost", Stage.CLOSED_LOST), Map.entry("prospecting", Stage.REGISTERED),
			Map.entry("qualification", Stage.QUALIFIED), Map.entry("needsanalysis", Stage.QUALIFIED),
			Map.entry("valueproposition", Stage.JOINT_WORKING), Map.entry("iddecisionmakers", Stage.JOINT_WORKING),
			Map.entry("perceptionanalysis", Stage.JOINT_WORKING), Map.entry("proposalpricequote", Stage.COMMIT),
			Map.entry("negotiationreview", Stage.COMMIT), Map.entry("appointmentscheduled", Stage.REGISTERED),
			Map.entry("qualifiedtobuy", Stage.QUALIFIED), Map.entry("presentationscheduled", Stage.JOINT_WORKING),
			Map.entry("decisionmakerboughtin", Stage.JOINT_WORKING), Map.entry("contractsent", Stage.COMMIT));

	private static final int MAX_TYPO = 2;

	private StageSuggestion() {
	}

	/** A suggested stage (null when none) and why. */
	record Suggestion(Stage stage, String reason) {
	}

	/**
	 * @param closed the export's IsClosed for deals in this stage, null when it does not
	 * say
	 * @param won the export's IsWon, null when it does not say
	 */
	static Suggestion suggest(String sourceStage, Boolean closed, Boolean won) {
		if (Boolean.TRUE.equals(won)) {
			return new Suggestion(Stage.CLOSED_WON, "the export marks its deals won (IsWon)");
		}
		if (Boolean.TRUE.equals(closed)) {
			return new Suggestion(Stage.CLOSED_LOST, "the export marks its deals closed and not won (IsClosed)");
		}
		var key = key(sourceStage);
		var exact = KNOWN.get(key);
		if (exact != null) {
			return open(exact, closed, "same name as " + exact.label() + " or a default stage mapped to it");
		}
		String nearest = null;
		int best = MAX_TYPO + 1;
		for (var known : KNOWN.keySet()) {
			int distance = distance(key, known);
			if (distance < best || (distance == best && nearest != null && known.compareTo(nearest) < 0)) {
				best = distance;
				nearest = known;
			}
		}
		if (nearest != null && key.length() >= 5) {
			return open(KNOWN.get(nearest), closed, "name close to '" + nearest + "' (a typo?)");
		}
		return new Suggestion(null, "no Trellis stage has a name like it; map it");
	}

	private static Suggestion open(Stage stage, Boolean closed, String reason) {
		if (stage.isClosed() && Boolean.FALSE.equals(closed)) {
			return new Suggestion(null,
					"named like " + stage.label() + " but the export says its deals are open; map it");
		}
		return new Suggestion(stage, reason);
	}

	static String key(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	/** Levenshtein distance. */
	static int distance(String a, String b) {
		var previous = new int[b.length() + 1];
		var current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			var swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
