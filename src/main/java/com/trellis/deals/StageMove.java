package com.trellis.deals;

import java.util.Optional;

/**
 * Decides whether a deal may move from the stage the caller saw to another one: only from
 * the stage it is in now (someone may have moved it meanwhile), and only to a different
 * stage.
 */
final class StageMove {

	private StageMove() {
	}

	/** Why the move is refused, or empty when it may happen. */
	static Optional<Refusal> refusal(Stage current, Stage from, Stage to) {
		if (from != current) {
			return Optional.of(new Refusal(true, "the deal is now in " + current.label() + ", not in " + from.label()
					+ ": someone moved it meanwhile; reload it and decide again"));
		}
		if (to == current) {
			return Optional.of(new Refusal(false, "the deal is already in " + current.label()));
		}
		return Optional.empty();
	}

	/**
	 * A refused move; {@code stale} when the deal moved since the caller looked (a
	 * conflict, not bad input).
	 */
	record Refusal(boolean stale, String reason) {
	}

}
