package com.trellis.incentives;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Viewer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one running slot of {@link PayoutRuns}: a run is {@code RUNNING} in
 * {@code payout_run} under a lease ({@code trellis.incentives.payout-lease}, 5 minutes by
 * default) that it renews with each partner it pays; a unique index allows one running
 * run. A run whose lease ran out (its instance stopped) is marked {@code ABANDONED} by
 * the next start. Starts, abandonments and ends are audited.
 */
@Component
class PayoutRunLease {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration lease;

	PayoutRunLease(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit, Clock clock,
			@Value("${trellis.incentives.payout-lease:5m}") Duration lease) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
		this.lease = lease;
	}

	/**
	 * Marks runs whose lease ran out as abandoned, then takes the running slot for a new
	 * run, in its own transaction; its id. Refused with {@link PayoutRuns.InProgress}
	 * (409) while another run holds its lease, before a run number is taken.
	 */
	long start(Viewer viewer) {
		try {
			return this.transactions.execute(status -> {
				var now = Timestamp.from(this.clock.instant());
				// the moment written in UTC, as every moment the API gives (it was
				// written in
				// the database session's zone, which is the JVM's)
				for (long abandoned : this.jdbc
					.sql("""
							UPDATE payout_run SET status = 'ABANDONED', finished_at = :now,
							       outcome = 'lease ran out at ' || to_char(lease_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
							                 || ': its instance stopped mid-run; the next run pays the rest'
							WHERE status = 'RUNNING' AND lease_until < :now RETURNING id
							""")
					.param("now", now)
					.query(Long.class)
					.list()) {
					this.audit.record(AuditLog.Actor.SYSTEM, "payout-run", abandoned,
							"abandoned: its lease ran out before it finished", null, null);
				}
				running().ifPresent(running -> {
					throw running;
				});
				long id = this.jdbc.sql("""
						INSERT INTO payout_run (started_at, started_by, status, lease_until)
						VALUES (:now, :by, 'RUNNING', :until) RETURNING id
						""")
					.param("now", now)
					.param("by", viewer.userId())
					.param("until", Timestamp.from(this.clock.instant().plus(this.lease)))
					.query(Long.class)
					.single();
				this.audit.record(viewer.actor(), "payout-run", id, "started", null, null);
				return id;
			});
		}
		catch (DuplicateKeyException ex) {
			throw running().orElseGet(() -> new PayoutRuns.InProgress(0, this.clock.instant()));
		}
	}

	/**
	 * Renews the run's lease, in the caller's transaction; throws when the run no longer
	 * holds it (it was marked abandoned), so that the caller pays nothing more.
	 */
	void renew(long runId) {
		int renewed = this.jdbc.sql("UPDATE payout_run SET lease_until = :until WHERE id = :id AND status = 'RUNNING'")
			.param("until", Timestamp.from(this.clock.instant().plus(this.lease)))
			.param("id", runId)
			.update();
		if (renewed == 0) {
			throw new IllegalStateException("payout run " + runId + " lost its lease; the next run pays the rest");
		}
	}

	/**
	 * Ends the run as {@code FINISHED} or {@code FAILED} with its outcome, in its own
	 * transaction, and audits it; nothing when it no longer runs.
	 */
	void end(long runId, String status, String outcome) {
		this.transactions.executeWithoutResult(tx -> {
			int ended = this.jdbc.sql("""
					UPDATE payout_run SET status = :status, finished_at = :now, outcome = :outcome, lease_until = NULL
					WHERE id = :id AND status = 'RUNNING'
					""")
				.param("status", status)
				.param("now", Timestamp.from(this.clock.instant()))
				.param("outcome", outcome)
				.param("id", runId)
				.update();
			if (ended > 0) {
				this.audit.record(AuditLog.Actor.SYSTEM, "payout-run", runId,
						status.toLowerCase(Locale.ROOT) + ": " + outcome, null, null);
			}
		});
	}

	/** The refusal of a start while a run is running, or empty when none is. */
	private Optional<PayoutRuns.InProgress> running() {
		return this.jdbc.sql("SELECT id, lease_until FROM payout_run WHERE status = 'RUNNING'")
			.query((rs, n) -> new PayoutRuns.InProgress(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

}
