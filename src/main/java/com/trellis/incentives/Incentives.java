package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.trellis.audit.AuditLog;
import com.trellis.deals.DealClosed;
import com.trellis.deals.DealCorrected;
import com.trellis.deals.DealReopened;
import com.trellis.deals.OpportunityView;
import com.trellis.enablement.EnablementCompleted;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.Conversions;
import com.trellis.shared.ExchangeRates;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.ValueLimits;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incentives module's facade: programs, earnings by rule from deal and quarter
 * events, reversals, badges, and each partner's statement.
 */
@Service
public class Incentives {

	private final LedgerRepository ledger;

	private final DealEarnings dealEarnings;

	static final String FIRST_WIN = "FIRST_WIN";

	private final Partners partners;

	private final AuditLog audit;

	private final EarningWriter writer;

	private final QuarterCloses quarters;

	private final ExchangeRates rates;

	private final Clock clock;

	private final ValueLimits limits;

	private final MdfFundBook fund;

	private final ProgramChecks checks;

	private final FastStartSlots spiffs;

	Incentives(LedgerRepository ledger, DealEarnings dealEarnings, Partners partners, AuditLog audit,
			EarningWriter writer, QuarterCloses quarters, ExchangeRates rates, Clock clock, ValueLimits limits,
			MdfFundBook fund, ProgramChecks checks, FastStartSlots spiffs) {
		this.spiffs = spiffs;
		this.fund = fund;
		this.checks = checks;
		this.ledger = ledger;
		this.dealEarnings = dealEarnings;
		this.partners = partners;
		this.audit = audit;
		this.writer = writer;
		this.quarters = quarters;
		this.rates = rates;
		this.clock = clock;
		this.limits = limits;
	}

	@Transactional
	public Program createProgram(Viewer viewer, ProgramCommand command) {
		return createProgram(viewer, command, false);
	}

	/**
	 * {@link #createProgram(Viewer, ProgramCommand)} for a JSON body ({@code fromJson}):
	 * a parameter given a number in quotes is refused naming it, with the others'
	 * problems.
	 */
	@Transactional
	public Program createProgram(Viewer viewer, ProgramCommand command, boolean fromJson) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin defines incentive programs");
		}
		this.checks.check(command, fromJson);
		long id = this.ledger.insertProgram(command, viewer.userId(), this.clock.instant());
		var program = this.ledger.programs().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
		this.audit.record(viewer.actor(), "incentive-program", id, "created", null, program);
		return program;
	}

	@Transactional(readOnly = true)
	public List<Program> programs() {
		return this.ledger.programs();
	}

	@ApplicationModuleListener
	void on(DealClosed event) {
		if (event.won() && event.partnerId() != null) {
			earnForWin(event.partnerId(), event.opportunityId());
		}
	}

	/** Reverses a reopened deal's earnings; its SPIFF slot goes to the next win. */
	@ApplicationModuleListener
	void on(DealReopened event) {
		this.ledger.lockDeal(event.opportunityId());
		if (event.partnerId() != null) {
			this.spiffs.lockPartner(event.partnerId());
		}
		reverse(event.opportunityId(), "the won deal was reopened");
		if (event.partnerId() != null) {
			var wins = this.dealEarnings.countingWins(event.partnerId());
			this.spiffs.settle(event.partnerId(), wins, "deal " + event.opportunityId() + " was reopened");
			settleFirstWin(event.partnerId(), wins, "deal " + event.opportunityId() + " is no longer won");
			this.quarters.recompute(event.partnerId(), "deal " + event.opportunityId() + " was reopened");
		}
	}

	/**
	 * A won deal's money or credit was corrected: each referral program that judged the
	 * deal at its first win (earning or not) is recomputed with the corrected deal and
	 * the difference booked; a program created after the win does not start now. Each
	 * correction is applied once, however often its event is delivered.
	 */
	@ApplicationModuleListener
	void on(DealCorrected event) {
		if (!event.won() || event.partnerId() == null) {
			return;
		}
		this.ledger.lockDeal(event.opportunityId());
		this.spiffs.lockPartner(event.partnerId());
		if (!this.ledger.claimCorrection(event.correctionId(), event.opportunityId(), this.clock.instant())) {
			return;
		}
		var why = "deal " + event.opportunityId() + " was corrected (correction " + event.correctionId() + ")";
		this.dealEarnings.adjust(event.partnerId(), event.opportunityId(), "c" + event.correctionId(), why);
		var wins = this.dealEarnings.countingWins(event.partnerId());
		this.spiffs.settle(event.partnerId(), wins, why);
		settleFirstWin(event.partnerId(), wins, why);
		this.quarters.recompute(event.partnerId(), why);
	}

	private void reverse(long opportunityId, String why) {
		var reversed = this.ledger.reverseDeal(opportunityId, why, this.clock.instant());
		if (!reversed.isEmpty()) {
			this.audit.record(AuditLog.Actor.SYSTEM, "opportunity", opportunityId,
					reversed.size() + " incentive earnings reversed: " + why, null, null);
			this.writer.reversed(reversed, why);
		}
	}

	@ApplicationModuleListener
	void on(EnablementCompleted event) {
		this.ledger.award(event.partnerId(), "CERTIFIED", "ever", "a user completed the " + event.role() + " track",
				this.clock.instant());
	}

	/**
	 * Earns what a partner's win gives under every program in force on its close date,
	 * and only for deals closed on a day the program is in force; a deal won again after
	 * a reopen earns only under the referral programs that judged its first win (see
	 * {@link DealEarnings}); the partner's fast-start SPIFFs are settled for its wins as
	 * they are now (see {@link FastStartSlots}). A deal whose amount is zero or below the
	 * configured minimum earns nothing, and takes no place among the first wins a
	 * fast-start SPIFF pays for.
	 */
	@Transactional
	public void earnForWin(long partnerId, long opportunityId) {
		this.ledger.lockDeal(opportunityId);
		this.spiffs.lockPartner(partnerId);
		var wins = this.dealEarnings.countingWins(partnerId);
		this.dealEarnings.earnForWin(partnerId, opportunityId, wins);
		this.spiffs.settle(partnerId, wins, "deal " + opportunityId + " was won");
		settleFirstWin(partnerId, wins, "deal " + opportunityId + " was won");
	}

	/**
	 * The first-win badge follows the partner's wins that count (amount above the floor):
	 * given with the earliest of them, taken back when none is left (the only win was
	 * reopened, lost or corrected to no amount). Serialised per partner and audited when
	 * it changes; running it again changes nothing.
	 */
	private void settleFirstWin(long partnerId, List<OpportunityView> countingWins, String why) {
		this.ledger.lockBadges(partnerId);
		var first = countingWins.stream()
			.filter(d -> d.closedAt() != null)
			.min(Comparator.comparing(OpportunityView::closedAt).thenComparing(OpportunityView::id));
		var key = partnerId + ":" + FIRST_WIN;
		if (first.isPresent()) {
			var reason = "first closed-won deal " + first.get().name();
			if (this.ledger.award(partnerId, FIRST_WIN, "ever", reason, this.clock.instant())) {
				this.audit.record(AuditLog.Actor.SYSTEM, "partner-badge", key, "first win awarded: " + reason, null,
						null);
			}
		}
		else if (this.ledger.takeBack(partnerId, FIRST_WIN, "ever")) {
			this.audit.record(AuditLog.Actor.SYSTEM, "partner-badge", key,
					"first win taken back: " + why + "; no closed-won deal left", null, null);
		}
	}

	/**
	 * Closes a quarter once it is over: rebates and MDF accruals per partner, and the top
	 * partner of the quarter badge. Refused with a conflict before the quarter's end.
	 * Running it again writes only what changed since (see {@link QuarterCloses}).
	 */
	@Transactional
	public int closeQuarter(LocalDate anyDayInQuarter) {
		this.limits.dateProblem(anyDayInQuarter).ifPresent(problem -> {
			throw InvalidInputException.of("day", problem);
		});
		return this.quarters.close(anyDayInQuarter);
	}

	@Transactional(readOnly = true)
	public Statement statement(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		var entries = this.ledger.ledger(partnerId);
		var open = new java.util.TreeMap<String, BigDecimal>();
		var paid = new java.util.TreeMap<String, BigDecimal>();
		for (var entry : entries) {
			if (!LedgerRepository.PAYABLE.contains(entry.kind())) {
				continue;
			}
			(entry.paidInRun() == null ? open : paid).merge(entry.currency(), entry.amount(), BigDecimal::add);
		}
		// what is owed to the partner is unpaid; what the partner owes is offset against
		// its next earnings (PayoutRuns pays a currency only when its net is positive)
		var unpaid = new java.util.TreeMap<String, BigDecimal>();
		var toOffset = new java.util.TreeMap<String, BigDecimal>();
		open.forEach((currency, amount) -> {
			if (amount.signum() > 0) {
				unpaid.put(currency, amount);
			}
			else if (amount.signum() < 0) {
				toOffset.put(currency, amount.negate());
			}
		});
		paid.values().removeIf(amount -> amount.signum() == 0);
		return new Statement(partnerId, entries, unpaid, paid, toOffset, this.fund.fund(partnerId).orElse(null),
				this.ledger.badges(partnerId));
	}

	/**
	 * Whether any incentive program exists, and so whether "no earnings" means anything.
	 */
	@Transactional(readOnly = true)
	public boolean programsExist() {
		return this.ledger.programsExist();
	}

	/** Whether a partner ever earned anything payable. */
	@Transactional(readOnly = true)
	public boolean hasEarnings(long partnerId) {
		return this.ledger.hasEarnings(partnerId);
	}

	/** A partner's badges, for its profile and portal. */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> badges(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		return this.ledger.badges(partnerId);
	}

	/**
	 * What the programs cost per partner in the reporting currency, the 200 highest
	 * first; vendor staff only.
	 */
	@Transactional(readOnly = true)
	public List<ProgramCost> costPerPartner(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Partner users do not see program cost");
		}
		return ProgramCost.rank(this.ledger.costPerPartnerAndCurrency(), new Conversions(this.rates), 200);
	}

	/**
	 * A partner's incentive statement: the ledger, unpaid and paid totals, what the
	 * partner owes from reversals of paid earnings (offset against its future earnings),
	 * the MDF fund in its own currency (claims converted into it, each with its rate and
	 * day; null when nothing was accrued) and badges.
	 */
	public record Statement(long partnerId, List<LedgerEntry> ledger, Map<String, BigDecimal> unpaid,
			Map<String, BigDecimal> paid, Map<String, BigDecimal> toOffset, MdfFund fund,
			List<Map<String, Object>> badges) {
	}

}
