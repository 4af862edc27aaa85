package com.trellis.incentives;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.trellis.audit.AuditLog;
import com.trellis.shared.MoneyFormat;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Pays unpaid earnings exactly once, netted per partner and currency: a currency is paid
 * only when what the partner earned and has not been paid comes to more than nothing, and
 * then its reversals are paid with it as offsets. A negative balance (a reversal of an
 * earning already paid) is not paid: it stays on the ledger as a receivable and is offset
 * against the partner's next earnings in that currency. Each partner is paid in its own
 * transaction by one {@code INSERT … ON CONFLICT (earning_id) DO NOTHING}: the unique key
 * on the earning makes a second payment impossible, whether the run is repeated, runs
 * twice at once on two instances, or was interrupted and started again (the partners
 * already paid stay paid; the rest are paid by the next run).
 * <p>
 * One run pays at a time: a run is {@code RUNNING} under a lease it renews with every
 * partner it pays ({@link PayoutRunLease}). A run whose lease ran out (its instance was
 * killed) is marked {@code ABANDONED} by the next run, so it never stays running and
 * never blocks a payout; until then the list of runs shows it {@code STALLED}
 * ({@link PayoutLedger#runs}). A run refused while another holds its lease is told when
 * that lease ends and takes no run number.
 */
@Service
public class PayoutRuns {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	private final PayoutRunLease lease;

	private final ApplicationEventPublisher events;

	private final PayoutLedger ledger;

	private final PayoutNotices notices;

	PayoutRuns(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit, Clock clock, PayoutRunLease lease,
			ApplicationEventPublisher events, PayoutLedger ledger, PayoutNotices notices) {
		this.ledger = ledger;
		this.notices = notices;
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
		this.lease = lease;
	}

	/**
	 * Runs a payout of every unpaid earning not held, unconfirmed: for the application's
	 * own callers (tests, a scheduled run); people confirm a preview
	 * ({@link #run(Viewer, String)}).
	 */
	public Result run(Viewer viewer) {
		return run(viewer, Integer.MAX_VALUE);
	}

	/**
	 * Runs a payout confirmed against a preview: refused (409, naming {@code confirm})
	 * when what would be paid changed since the preview with that fingerprint was shown.
	 * Pays only the earnings read in the same snapshot as that check
	 * ({@link PayoutLedger#confirmed}): one committed while the run starts was not in the
	 * confirmed preview and waits for the next run.
	 */
	public Result run(Viewer viewer, String confirm) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin runs payouts");
		}
		if (confirm == null || confirm.isBlank()) {
			throw com.trellis.shared.InvalidInputException.of("confirm",
					"confirm the run with the fingerprint of the preview you checked");
		}
		// a fingerprint is hex digits, in either case as typed or copied
		var fingerprint = confirm.strip().toLowerCase(java.util.Locale.ROOT);
		if (!PayoutLedger.isFingerprint(fingerprint)) {
			throw com.trellis.shared.InvalidInputException.of("confirm",
					"is not a preview's fingerprint: give the fingerprint (16 hex digits) of the preview you checked");
		}
		var confirmed = this.ledger.confirmed(viewer, fingerprint)
			.orElseThrow(() -> new com.trellis.shared.ConflictException("confirm",
					"is not the fingerprint of what would be paid now (it changed since the preview you checked, or"
							+ " no preview had it); check the current preview and confirm again"));
		if (confirmed.isEmpty()) {
			// a run that pays nothing is not recorded (try51: an empty preview's
			// fingerprint
			// recorded runs of 0 earnings)
			throw new NothingToPay();
		}
		return run(viewer, Integer.MAX_VALUE, confirmed);
	}

	/**
	 * Runs a payout, stopping after {@code maxPartners} partners were paid (what an
	 * interrupted run leaves behind; a listed partner the run pays nothing does not
	 * count).
	 */
	Result run(Viewer viewer, int maxPartners) {
		return run(viewer, maxPartners, null);
	}

	/**
	 * As {@link #run(Viewer, int)}; with {@code confirmed} (earning ids by partner),
	 * paying only those earnings.
	 */
	private Result run(Viewer viewer, int maxPartners, Map<Long, List<Long>> confirmed) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin runs payouts");
		}
		long runId = this.lease.start(viewer);
		try {
			List<Long> partners = confirmed != null ? List.copyOf(new TreeMap<>(confirmed).keySet()) : this.jdbc.sql("""
					SELECT DISTINCT e.partner_id FROM incentive_earning e
					WHERE e.kind IN (:payable) AND NOT EXISTS (SELECT 1 FROM payout_item i WHERE i.earning_id = e.id)
					  AND """ + DisputedEarnings.NOT_HELD + """
					ORDER BY e.partner_id
					""").param("payable", LedgerRepository.PAYABLE).query(Long.class).list();
			int items = 0;
			int paidPartners = 0;
			for (long partner : partners) {
				if (paidPartners >= maxPartners) {
					break;
				}
				var ids = confirmed == null ? null : confirmed.get(partner);
				int paid = this.transactions.execute(status -> pay(runId, partner, ids));
				items += paid;
				paidPartners += paid > 0 ? 1 : 0;
			}
			this.lease.end(runId, "FINISHED", "paid " + items + " earnings");
			return new Result(runId, items);
		}
		catch (RuntimeException ex) {
			this.lease.end(runId, "FAILED", String.valueOf(ex.getMessage()));
			throw ex;
		}
	}

	private int pay(long runId, long partnerId, List<Long> ids) {
		this.lease.renew(runId);
		var now = this.clock.instant();
		// the items written, summed per currency for the audit log
		var byCurrency = this.jdbc
			.sql("""
					WITH unpaid AS (
					  SELECT e.id, e.partner_id, e.amount, e.currency FROM incentive_earning e
					  WHERE e.partner_id = :partner AND e.kind IN (:payable)"""
					+ (ids == null ? "" : " AND e.id = ANY (:ids)") + """
							AND NOT EXISTS (SELECT 1 FROM payout_item i WHERE i.earning_id = e.id)
							AND """ + DisputedEarnings.NOT_HELD + """
							),
							positive AS (SELECT currency FROM unpaid GROUP BY currency HAVING sum(amount) > 0),
							written AS (
							INSERT INTO payout_item (run_id, earning_id, partner_id, amount, currency, paid_at)
							SELECT :run, u.id, u.partner_id, u.amount, u.currency, :now FROM unpaid u
							WHERE u.currency IN (SELECT currency FROM positive)
							ORDER BY u.id
							ON CONFLICT (earning_id) DO NOTHING
							RETURNING amount, currency)
							SELECT currency, count(*) AS items, sum(amount) AS total FROM written
							GROUP BY currency ORDER BY currency
							""")
			.param("run", runId)
			.param("now", Timestamp.from(now))
			.param("partner", partnerId)
			.param("payable", LedgerRepository.PAYABLE)
			.param("ids", ids == null ? new Long[0] : ids.toArray(Long[]::new))
			.query((rs, n) -> new Paid(rs.getString("currency"), rs.getInt("items"), rs.getBigDecimal("total")))
			.list();
		int paid = byCurrency.stream().mapToInt(Paid::items).sum();
		if (paid > 0) {
			var amounts = new java.util.LinkedHashMap<String, String>();
			byCurrency.forEach(p -> amounts.put(p.currency(), p.total().toPlainString()));
			this.audit.record(AuditLog.Actor.SYSTEM, "payout-run", runId,
					"paid " + paid + " earnings of partner " + partnerId + ": "
							+ String.join(", ",
									byCurrency.stream().map(p -> MoneyFormat.of(p.total(), p.currency())).toList()),
					null, Map.of("partnerId", partnerId, "earnings", paid, "amounts", amounts));
			this.events.publishEvent(new PayoutMade(runId, partnerId, paid));
			this.notices.paid(runId, partnerId, paid);
		}
		return paid;
	}

	/** A confirmed preview that pays nothing (409): no run is recorded. */
	static class NothingToPay extends com.trellis.shared.ConflictException {

		NothingToPay() {
			super("confirm", "there is nothing to pay: every earning is paid or held by an open credit dispute");
		}

	}

	/** What a run paid a partner in one currency, in the currency's minor units. */
	private record Paid(String currency, int items, java.math.BigDecimal total) {

		Paid {
			total = com.trellis.shared.MinorUnits.round(total, currency);
		}

	}

	public record Result(long runId, int itemsPaid) {
	}

	/** Another payout run is paying right now (409). */
	public static class InProgress extends ErrorResponseException {

		private final long runningId;

		private final java.time.Instant leaseUntil;

		InProgress(long runningId, java.time.Instant leaseUntil) {
			super(HttpStatus.CONFLICT, problem(runningId, leaseUntil), null);
			this.runningId = runningId;
			this.leaseUntil = leaseUntil;
		}

		/**
		 * The refusal in words, the lease's end as {@code moment} writes an instant (the
		 * page: in the reader's zone; the API's detail keeps it in UTC).
		 */
		String words(java.util.function.Function<java.time.Instant, String> moment) {
			return text(this.runningId, moment.apply(this.leaseUntil));
		}

		private static String text(long runningId, String leaseEnd) {
			return "Payout run " + runningId + " is paying right now; start another when it has finished. If its "
					+ "instance stopped mid-run, a new run takes over once its lease ends at " + leaseEnd;
		}

		private static ProblemDetail problem(long runningId, java.time.Instant leaseUntil) {
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text(runningId, leaseUntil.toString()));
			problem.setTitle("Payout run in progress");
			return problem;
		}

	}

}
