package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.validation.CurrencyRule;
import com.trellis.shared.validation.ValueLimits;
import com.trellis.shared.BusinessCalendar;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotas per rep, sales manager and PAM, and the program's partner target, per quarter in
 * the reporting currency; and a roll-up's attainment against them.
 */
@Service
class ForecastQuotas {

	/**
	 * Forecast figures and quotas are in the reporting currency (rate 1 in
	 * exchange_rate).
	 */
	static final String REPORTING_CURRENCY = "USD";

	private final QuotaRepository quotas;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	private final BusinessCalendar calendar;

	private final ValueLimits limits;

	ForecastQuotas(QuotaRepository quotas, Users users, AuditLog audit, Clock clock, ValueLimits limits,
			BusinessCalendar calendar) {
		this.calendar = calendar;
		this.quotas = quotas;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.limits = limits;
	}

	@Transactional
	Quota set(Viewer viewer, QuotaCommand command) {
		check(viewer, command);
		var quarter = this.calendar.quarter(command.quarter()).label();
		var kind = command.scope();
		long id = kind == Scope.Kind.PARTNERS || command.scopeId() == null ? 0 : command.scopeId();
		var before = this.quotas.find(kind, id, quarter).map(Quota::amount).orElse(null);
		this.quotas.save(kind, id, quarter, command.amount(), REPORTING_CURRENCY, viewer.userId(),
				this.clock.instant());
		this.audit.record(viewer.actor(), "forecast-quota", kind + ":" + id + ":" + quarter, "set", before,
				Map.of("amount", command.amount(), "currency", REPORTING_CURRENCY));
		return this.quotas.find(kind, id, quarter).orElseThrow();
	}

	/**
	 * The checks of {@link #set} without saving anything, every field at once: a label
	 * that names no quarter of the fiscal year ("quarter"), an amount that is missing,
	 * negative or finer than the reporting currency ("amount"), a scope or user the quota
	 * cannot be for ("scope", "scopeId", also a deactivated user); a viewer who may not
	 * set it is refused (403).
	 */
	@Transactional(readOnly = true)
	void check(Viewer viewer, QuotaCommand command) {
		FormErrors.checks(() -> checkFigures(command.quarter(), command.amount()), () -> whose(viewer, command)).run();
	}

	/** The quarter and amount of a quota, both at once, whoever it is for. */
	void checkFigures(String quarter, BigDecimal amount) {
		FormErrors.checks(() -> this.calendar.quarter(quarter), () -> {
			if (amount == null) {
				throw InvalidInputException.of("amount", "is required: zero or more");
			}
			this.limits.boundsProblem(amount, false)
				.or(() -> com.trellis.shared.TypedAmounts.ambiguity("amount", ReportingCurrency.CODE))
				.or(() -> CurrencyRule.decimalsProblem(amount, ReportingCurrency.CODE))
				.ifPresent(problem -> {
					throw InvalidInputException.of("amount", problem);
				});
		}).run();
	}

	/**
	 * Whose quota it is: refuses a scope or user it cannot be for, and a viewer who may
	 * not set it.
	 */
	private void whose(Viewer viewer, QuotaCommand command) {
		var kind = command.scope();
		long id = kind == Scope.Kind.PARTNERS || command.scopeId() == null ? 0 : command.scopeId();
		// a scope no quota is for is named as such, not asked for a user's id first
		// (try02)
		if (kind != null && kind != Scope.Kind.PARTNERS && command.scopeId() == null && QuotaPolicy.quotaScope(kind)) {
			throw InvalidInputException.of("scopeId", "a " + kind + " quota needs the user's id");
		}
		var target = kind == Scope.Kind.PARTNERS ? null : this.users.find(id).map(u -> u.role()).orElse(null);
		boolean inTeam = viewer.is(Role.SALES_MANAGER) && this.users.reportsOf(viewer.userId()).contains(id);
		var decision = QuotaPolicy.decide(viewer.role(), kind, target, inTeam);
		switch (decision.outcome()) {
			case INVALID -> throw InvalidInputException.of(decision.field(), decision.reason());
			case DENIED -> throw new AccessDeniedException(decision.reason());
			case ALLOWED -> {
			}
		}
		if (kind == Scope.Kind.PARTNERS && command.scopeId() != null) {
			// try72: an id here was dropped without a word
			throw InvalidInputException.of("scopeId", "the PARTNERS target is the program's own and takes no id");
		}
		if (target != null && this.users.findEnabled(id).isEmpty()) {
			throw InvalidInputException.of("scopeId",
					"this user is deactivated; a deactivated user gets no quota (their quotas set before are kept"
							+ " but no longer summed into their manager's team)");
		}
	}

	/** Whose the scope is, by name (see {@link QuotaRepository#scopeName}). */
	java.util.Optional<String> scopeName(Scope scope) {
		return this.quotas.scopeName(scope);
	}

	/**
	 * The quotas of a quarter the viewer may see: all for the admin and executives, their
	 * own and their team's for a sales manager, their own for a rep or PAM. A label that
	 * names no quarter of the fiscal year, or one outside the program's dates, is refused
	 * naming "quarter" (after the role).
	 */
	@Transactional(readOnly = true)
	List<Quota> list(Viewer viewer, String label) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Quotas are for vendor staff");
		}
		return list(viewer, this.calendar.quarter(label));
	}

	/**
	 * As {@link #list(Viewer, String)} for a quarter the caller has (the forecast page's
	 * own, of a day inside the program's dates, though the quarter may reach past them).
	 */
	@Transactional(readOnly = true)
	List<Quota> list(Viewer viewer, com.trellis.shared.FiscalQuarter fiscalQuarter) {
		var quarter = fiscalQuarter.label();
		return switch (viewer.role()) {
			case ADMIN, EXECUTIVE -> this.quotas.list(quarter, null, true);
			case SALES_MANAGER -> {
				var people = new ArrayList<>(this.users.reportsOf(viewer.userId()));
				people.add(viewer.userId());
				yield this.quotas.list(quarter, people, false);
			}
			case AE, PAM -> this.quotas.list(quarter, List.of(viewer.userId()), false);
			case PARTNER -> throw new AccessDeniedException("Quotas are for vendor staff");
		};
	}

	/**
	 * The quota of a scope for a quarter: the one set for it, or for a manager without
	 * one the sum of the rep quotas in their team (of its active reps: a deactivated
	 * rep's quota is no longer the team's to reach); none for other scopes.
	 */
	@Transactional(readOnly = true)
	Optional<QuotaAttainment> attainment(Scope scope, java.time.LocalDate anyDayInQuarter,
			Map<String, BigDecimal> figures) {
		var quarter = this.calendar.quarterOf(anyDayInQuarter).label();
		var kind = scope.kind();
		if (kind != Scope.Kind.REP && kind != Scope.Kind.MANAGER && kind != Scope.Kind.PAM
				&& kind != Scope.Kind.PARTNERS) {
			return Optional.empty();
		}
		var set = this.quotas.find(kind, scope.idOrZero(), quarter);
		if (set.isPresent()) {
			return Optional.of(QuotaAttainment.of(set.get().amount(), set.get().currency(),
					kind == Scope.Kind.PARTNERS ? "program partner target" : "quota set for " + set.get().name(),
					figures));
		}
		if (kind == Scope.Kind.MANAGER) {
			var team = this.quotas.teamRepQuotas(scope.id(), quarter);
			if ((Long) team[0] > 0) {
				return Optional.of(QuotaAttainment.of((BigDecimal) team[1], REPORTING_CURRENCY,
						"no manager quota set; sum of " + team[0] + " rep quotas in the team", figures));
			}
		}
		return Optional.empty();
	}

}
