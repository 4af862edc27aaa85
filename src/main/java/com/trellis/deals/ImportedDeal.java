package com.trellis.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.trellis.shared.MinorUnits;

/**
 * A direct deal as a CRM export describes it: the moment it was created there and every
 * stage it went through with the moment it got there, oldest first. Its stage is the last
 * move's; a closed deal closed at the moment of that move.
 */
public record ImportedDeal(long accountId, String name, BigDecimal amount, String currency, LocalDate closeDate,
		long ownerId, Instant createdAt, List<Move> moves) {

	public ImportedDeal {
		amount = MinorUnits.round(amount, currency);
		moves = List.copyOf(moves);
	}

	public Move last() {
		return this.moves.get(this.moves.size() - 1);
	}

	/** The deal reached {@code stage} at {@code at}. */
	public record Move(Stage stage, Instant at) {
	}

}
