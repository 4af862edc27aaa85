package com.trellis.cohorts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places a partner on the journey: the furthest stage whose entry criteria it meets, each
 * later stage's criteria being checked only once the earlier ones are met (a partner does
 * not skip activation). The reason names what it has and, for the next stage, what it
 * lacks.
 */
final class JourneyPlacement {

	/**
	 * What a partner did up to the cut-off: courses and certifications completed in the
	 * last 180 days, deals it was put on in the last 180 days, deals won in the last 365
	 * days and AE invitations in the last 365 days.
	 */
	record Facts(int enablement180, int deals180, int wins365, int aeInvites365) {
	}

	/** A stage's entry criteria (minimums; 0 means not required). */
	record Criteria(JourneyStage stage, int minEnablement180, int minDeals180, int minWins365, int minAeInvites365) {

		List<String> missing(Facts facts) {
			var missing = new ArrayList<String>();
			need(missing, facts.enablement180(), this.minEnablement180, "completions in 180 days");
			need(missing, facts.deals180(), this.minDeals180, "deals in 180 days");
			need(missing, facts.wins365(), this.minWins365, "wins in 365 days");
			need(missing, facts.aeInvites365(), this.minAeInvites365, "AE invitations in 365 days");
			return missing;
		}

		private static void need(List<String> missing, int has, int needs, String what) {
			if (has < needs) {
				missing.add(has + " of " + needs + " " + what);
			}
		}

	}

	/** Where the partner stands, and why. */
	record Placement(JourneyStage stage, String reason) {
	}

	private JourneyPlacement() {
	}

	/**
	 * The criteria a cohort places its partners by: its own for the stages it has set,
	 * the program's for the others.
	 */
	static List<Criteria> effective(List<Criteria> program, List<Criteria> own) {
		var result = new ArrayList<Criteria>();
		for (var c : program) {
			result.add(own.stream().filter(o -> o.stage() == c.stage()).findFirst().orElse(c));
		}
		return result;
	}

	static Placement place(Facts facts, List<Criteria> criteria) {
		var ordered = new ArrayList<>(criteria);
		ordered.sort(Comparator.comparing(Criteria::stage));
		var stage = JourneyStage.AWARENESS;
		String next = null;
		for (var c : ordered) {
			if (c.stage() == JourneyStage.AWARENESS) {
				continue;
			}
			var missing = c.missing(facts);
			if (!missing.isEmpty()) {
				next = c.stage().name().toLowerCase(java.util.Locale.ROOT) + " needs " + String.join(", ", missing);
				break;
			}
			stage = c.stage();
		}
		var has = "%d completions and %d deals in 180 days, %d wins and %d AE invitations in 365 days"
			.formatted(facts.enablement180(), facts.deals180(), facts.wins365(), facts.aeInvites365());
		return new Placement(stage, next == null ? has : has + "; " + next);
	}

}
