package com.trellis.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks the current transaction as an import's: the rows it writes are history brought in
 * from another system (a CRM export, a Trellis-format file), not news. Listeners that
 * announce things outside Trellis (outbound webhooks) ask {@link #active()} and stay
 * silent; the facts, KPIs and forecast listen exactly as for a native change. The mark
 * lives as long as the transaction and is removed when it completes (commit or rollback).
 */
public final class ImportScope {

	private static final Object KEY = ImportScope.class;

	private ImportScope() {
	}

	/**
	 * Marks the current transaction, once; an import's writer calls this before writing.
	 * @throws IllegalStateException when no transaction is active
	 */
	public static void mark() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("an import is written in a transaction");
		}
		if (TransactionSynchronizationManager.hasResource(KEY)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(KEY, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
			}
		});
	}

	/** Whether the current transaction writes an import. */
	public static boolean active() {
		return TransactionSynchronizationManager.hasResource(KEY);
	}

}
