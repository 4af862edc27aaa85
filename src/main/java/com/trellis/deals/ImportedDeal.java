package com.trellis.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.trellis.shared.MinorUnits;

/**
 * A deal as a CRM export describes it: the moment it was created there and every stage it
 * went through with the moment it got there, oldest first. Its stage is the last move's;
 * a closed deal closed at the moment of that move. Direct unless it names a partner with
 * its credit; a partner-sourced credit makes it a deal of source PARTNER. A {@code null}
 * amount is an amount the export does not give (an open deal only): the deal is stored
 * with amount 0 and {@code opportunity.amount_unknown} set, so sums count nothing for it
 * and pages, exports and the API say the amount is unknown.
 */
public record ImportedDeal(long accountId, String name, BigDecimal amount, String currency, LocalDate closeDate,
		long ownerId, Instant createdAt, List<Move> moves, Credit credit) {

	public ImportedDeal {
		amount = MinorUnits.round(amount, currency);
		moves = List.copyOf(moves);
	}

	/** A direct deal without a partner. */
	public ImportedDeal(long accountId, String name, BigDecimal amount, String currency, LocalDate closeDate,
			long ownerId, Instant createdAt, List<Move> moves) {
		this(accountId, name, amount, currency, closeDate, ownerId, createdAt, moves, null);
	}

	/** The export gave no amount. */
	public boolean amountUnknown() {
		return this.amount == null;
	}

	/** The amount as stored: 0 when unknown. */
	BigDecimal storedAmount() {
		return this.amount == null ? MinorUnits.round(BigDecimal.ZERO, this.currency) : this.amount;
	}

	DealSource source() {
		return this.credit != null && this.credit.type() == CreditType.SOURCED ? DealSource.PARTNER : DealSource.DIRECT;
	}

	/** The partner on the deal, how it is credited and its share in percent. */
	public record Credit(long partnerId, CreditType type, BigDecimal share) {
	}

	public Move last() {
		return this.moves.get(this.moves.size() - 1);
	}

	/** The deal reached {@code stage} at {@code at}. */
	public record Move(Stage stage, Instant at) {
	}

}
