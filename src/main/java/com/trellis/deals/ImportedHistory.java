package com.trellis.deals;

import java.util.List;
import java.util.Optional;

/**
 * Whether a stage history brought by an import can stand as a deal's history: it has at
 * least one move, no move comes before the deal was created or before the move ahead of
 * it, and a move goes to another stage than the one before (a closed deal may have been
 * reopened in its source, as natively). A re-import may add moves after the history the
 * deal has, never before.
 */
final class ImportedHistory {

	private ImportedHistory() {
	}

	static Optional<String> refusal(ImportedDeal deal) {
		return refusal(deal.createdAt(), deal.moves());
	}

	/** As {@link #refusal(ImportedDeal)}, for a deal created at {@code createdAt}. */
	static Optional<String> refusal(java.time.Instant createdAt, List<ImportedDeal.Move> moves) {
		if (moves.isEmpty()) {
			return Optional.of("a deal needs at least the stage it is in");
		}
		ImportedDeal.Move before = null;
		for (int i = 0; i < moves.size(); i++) {
			var move = moves.get(i);
			if (move.at().isBefore(createdAt)) {
				return Optional
					.of("the move to " + move.stage() + " at " + move.at() + " is before the deal was created");
			}
			if (before != null && move.at().isBefore(before.at())) {
				return Optional
					.of("the move to " + move.stage() + " at " + move.at() + " is before the move ahead of it");
			}
			if (before != null && before.stage() == move.stage()) {
				return Optional.of("two moves in a row to " + move.stage());
			}
			before = move;
		}
		return Optional.empty();
	}

	/**
	 * The moves of {@code wanted} the deal does not have yet: those after the last move
	 * it has. Empty when the history it has already ends where {@code wanted} does.
	 */
	static List<ImportedDeal.Move> newMoves(List<StageChange> has, List<ImportedDeal.Move> wanted) {
		if (has.isEmpty()) {
			return wanted;
		}
		var last = has.get(has.size() - 1);
		return wanted.stream().filter(move -> move.at().isAfter(last.changedAt())).toList();
	}

}
