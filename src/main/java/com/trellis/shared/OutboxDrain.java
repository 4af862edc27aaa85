package com.trellis.shared;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains a durable outbox one row per transaction: {@code sendNext} claims one due row
 * (typically {@code FOR UPDATE SKIP LOCKED}, so several instances never send the same
 * row), sends it and records the outcome, answering true when it was delivered, false
 * when it was not, and null when nothing is due.
 */
public final class OutboxDrain {

	private OutboxDrain() {
	}

	/**
	 * Sends every due row, or stops after the row in hand once {@code stopping} says the
	 * application is shutting down (the rows left are sent by the next drain, here or on
	 * another instance); returns how many were delivered.
	 */
	public static int drain(TransactionTemplate transactions, Supplier<Boolean> sendNext,
			java.util.function.BooleanSupplier stopping) {
		int delivered = 0;
		Boolean more;
		do {
			more = transactions.execute(status -> sendNext.get());
			if (Boolean.TRUE.equals(more)) {
				delivered++;
			}
		}
		while (more != null && !stopping.getAsBoolean());
		return delivered;
	}

}
