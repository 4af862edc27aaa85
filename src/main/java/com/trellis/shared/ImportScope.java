package com.trellis.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks the current transaction as an import's: the rows it writes are history brought in
 * from another system (a CRM export, a Trellis-format file), not news. Listeners that
 * announce things outside Trellis (outbound webhooks) ask {@link #active()} and stay
 * silent; the facts, KPIs and forecast listen exactly as for a native change. The mark
 * lives as long as the transaction and is removed when it completes (commit or rollback).
 * <p>
 * Listeners that react after the import committed, in a transaction of their own, are
 * part of the import too: the events an import makes carry it ({@link Origin}), and
 * {@link ImportScopeListeners} runs each such listener with the mark set on its thread
 * for the call, so what it changes in turn announces nothing either (docs/webhooks.md).
 */
public final class ImportScope {

	/**
	 * An event that says whether an import made it: its listeners that run after the
	 * commit, in another transaction, run as part of the import when it did. An event
	 * made inside a marked transaction (or a listener of such an event) is made by an
	 * import; the events' short constructors ask {@link #active()}.
	 */
	public interface Origin {

		boolean byImport();

	}

	private static final Object KEY = ImportScope.class;

	/** Set on a thread while it runs a listener of an event an import made. */
	private static final ThreadLocal<Boolean> LISTENER = new ThreadLocal<>();

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

	/**
	 * Whether the current transaction writes an import, or the current thread runs a
	 * listener of an event an import made.
	 */
	public static boolean active() {
		return TransactionSynchronizationManager.hasResource(KEY) || Boolean.TRUE.equals(LISTENER.get());
	}

	/** Starts a listener's call as part of an import; returns what was set before. */
	static boolean enterListener() {
		boolean before = Boolean.TRUE.equals(LISTENER.get());
		LISTENER.set(Boolean.TRUE);
		return before;
	}

	/** Ends the call started by {@link #enterListener()}. */
	static void leaveListener(boolean before) {
		if (before) {
			LISTENER.set(Boolean.TRUE);
		}
		else {
			LISTENER.remove();
		}
	}

}
