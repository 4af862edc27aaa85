package com.trellis.matching;

/**
 * Why two companies were taken for one: by the identity domain or by the name, with a
 * score, whether it is sure enough to act on without a person
 * ({@link Confidence#AUTOMATIC}) or only a {@link Confidence#POSSIBLE} match for a person
 * to confirm or reject, and the reason shown to users.
 */
public record Match(Kind kind, double score, Confidence confidence, String reason) {

	public boolean automatic() {
		return this.confidence == Confidence.AUTOMATIC;
	}

	Match possible(String why) {
		return new Match(this.kind, this.score, Confidence.POSSIBLE, this.reason + "; " + why);
	}

	public enum Kind {

		DOMAIN, NAME

	}

	public enum Confidence {

		AUTOMATIC, POSSIBLE

	}

}
