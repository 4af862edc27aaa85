package com.trellis.shared;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drain sends rows until none is due, and stops after the row in hand once the
 * application shuts down (try54: a shutdown waited 30 s on deliveries to a target that
 * did not answer).
 */
class OutboxDrainTest {

	private final TransactionTemplate transactions = new TransactionTemplate(new AbstractPlatformTransactionManager() {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	});

	@Test
	void sendsEveryDueRowUntilNoneIsLeft() {
		var left = new AtomicInteger(5);
		int delivered = OutboxDrain.drain(this.transactions, () -> left.getAndDecrement() > 0 ? true : null,
				() -> false);
		assertThat(delivered).isEqualTo(5);
	}

	@Test
	void stopsAfterTheRowInHandOnceTheApplicationShutsDown() {
		var sent = new AtomicInteger();
		var closing = new AtomicBoolean();
		int delivered = OutboxDrain.drain(this.transactions, () -> {
			sent.incrementAndGet();
			closing.set(true);
			return false;
		}, closing::get);
		assertThat(sent).hasValue(1);
		assertThat(delivered).isZero();
	}

}
