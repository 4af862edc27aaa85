package com.trellis.guidance;

import java.util.Locale;
import java.util.Optional;

import com.trellis.scoring.DriftLine;
import com.trellis.scoring.HighPotentialLine;
import com.trellis.shared.StoredFigures;

/**
 * A PAM's rules: a high-potential partner is ready for the introduction motion; a
 * stalling score calls for an intervention ({@link InterventionChoice}).
 */
final class PamRules {

	private PamRules() {
	}

	/** High readiness and behaviour with little pipeline yet: introduce it to the AEs. */
	static Advice readyForIntroduction(HighPotentialLine line) {
		var name = name(line.partnerId(), line.partnerName());
		var reason = line.reason()
				+ (line.evidence() == null || line.evidence().isBlank() ? ""
						: " Strongest signals: " + line.evidence() + ".")
				+ " Pipeline in the last 180 days: " + ReasonMoney.reporting(line.pipeline180Days()) + ".";
		return new Advice(Kind.INTRODUCE_TO_AES, "partner:" + line.partnerId(), line.partnerId(),
				"Introduce " + name + " to account executives", reason, "Open its overlap accounts",
				"/partners/" + line.partnerId() + "/overlaps");
	}

	/**
	 * A stalling score, with the rule-based intervention for it: readiness wants
	 * training, behaviour an incentive to act, trust an introduction to the field;
	 * building and steady scores ask for nothing.
	 */
	static Optional<Advice> stalling(DriftLine line) {
		return line.pillar() == null ? Optional.empty() : stalling(line, InterventionChoice.byScore(line.pillar()));
	}

	/**
	 * A stalling score, with the intervention chosen (from what worked for similar
	 * partners, or by the score) and the reason for that choice.
	 */
	static Optional<Advice> stalling(DriftLine line, InterventionChoice.Choice choice) {
		if (!"STALLING".equals(line.state())) {
			return Optional.empty();
		}
		var name = name(line.partnerId(), line.partnerName());
		var score = line.pillar().label().toLowerCase(Locale.ROOT);
		// the drift's reason names its state and slope: said once (try71b: "stalling at
		// -1.59 points a week …: stalling: -1.6 points a week")
		var reason = com.trellis.shared.Possessive.of(name) + " " + score + " score is stalling since the week of "
				+ line.weekStart() + ": " + line.reason().replaceFirst("^stalling: ", "")
				+ (line.signals() == null || line.signals().isBlank() ? ""
						: " Signals behind it: " + line.signals() + ".")
				+ " " + choice.reason();
		return Optional.of(new Advice(Kind.STALLING_INTERVENTION,
				"partner:" + line.partnerId() + ":" + line.pillar() + ":" + line.weekStart(), line.partnerId(),
				choice.intervention().action() + " for " + name, reason, "Open the scorecard",
				"/partners/" + line.partnerId() + "/scorecard", choice.intervention()));
	}

	static String name(long partnerId, String name) {
		return name == null ? "Partner " + partnerId : StoredFigures.text(name);
	}

}
