package com.trellis.incentives;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays unpaid earnings exactly once. Each partner is paid in its own transaction by one
 * {@code INSERT … ON CONFLICT (earning_id) DO NOTHING}: the unique key on the earning
 * makes a second payment impossible, whether the run is repeated, runs twice at once on
 * two instances, or was interrupted and started again (the partners already paid stay
 * paid; the rest are paid by the next run).
 */
@Service
public class PayoutRuns {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	PayoutRuns(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	public Result run(Viewer viewer) {
		return run(viewer, Integer.MAX_VALUE);
	}

	/**
	 * Runs a payout, stopping after {@code maxPartners} partners (what an interrupted run
	 * leaves behind).
	 */
	Result run(Viewer viewer, int maxPartners) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin runs payouts");
		}
		long runId = this.transactions.execute(status -> {
			long id = this.jdbc.sql("INSERT INTO payout_run (started_at, started_by) VALUES (:now, :by) RETURNING id")
				.param("now", Timestamp.from(this.clock.instant()))
				.param("by", viewer.userId())
				.query(Long.class)
				.single();
			this.audit.record(viewer.actor(), "payout-run", id, "started", null, null);
			return id;
		});
		List<Long> partners = this.jdbc.sql("""
				SELECT DISTINCT e.partner_id FROM incentive_earning e
				WHERE e.kind IN (:payable) AND NOT EXISTS (SELECT 1 FROM payout_item i WHERE i.earning_id = e.id)
				ORDER BY e.partner_id
				""").param("payable", LedgerRepository.PAYABLE).query(Long.class).list();
		int items = 0;
		int done = 0;
		for (long partner : partners) {
			if (done++ >= maxPartners) {
				break;
			}
			items += this.transactions.execute(status -> pay(runId, partner));
		}
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.sql("UPDATE payout_run SET finished_at = :now WHERE id = :id")
				.param("now", Timestamp.from(this.clock.instant()))
				.param("id", runId)
				.update();
		});
		return new Result(runId, items);
	}

	private int pay(long runId, long partnerId) {
		int paid = this.jdbc.sql("""
				INSERT INTO payout_item (run_id, earning_id, partner_id, amount, currency, paid_at)
				SELECT :run, e.id, e.partner_id, e.amount, e.currency, :now FROM incentive_earning e
				WHERE e.partner_id = :partner AND e.kind IN (:payable)
				  AND NOT EXISTS (SELECT 1 FROM payout_item i WHERE i.earning_id = e.id)
				ORDER BY e.id
				ON CONFLICT (earning_id) DO NOTHING
				""")
			.param("run", runId)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("partner", partnerId)
			.param("payable", LedgerRepository.PAYABLE)
			.update();
		if (paid > 0) {
			this.audit.record(AuditLog.Actor.SYSTEM, "payout-run", runId,
					"paid " + paid + " earnings of partner " + partnerId, null, null);
		}
		return paid;
	}

	public record Result(long runId, int itemsPaid) {
	}

}
