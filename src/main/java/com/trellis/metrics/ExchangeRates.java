package com.trellis.metrics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.validation.CurrencyRule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program's exchange rates: for each currency other than the reporting currency, how
 * many units of the reporting currency one unit is worth. Every amount in a KPI, roll-up
 * or ROI figure is converted with the rate stored here when it is read.
 */
@Service
public class ExchangeRates {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ExchangeRates(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every stored rate by currency code, in code order. */
	@Transactional(readOnly = true)
	public Map<String, BigDecimal> all() {
		var rates = new TreeMap<String, BigDecimal>();
		this.jdbc.sql("SELECT currency, to_reporting FROM exchange_rate")
			.query((rs, n) -> rates.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return rates;
	}

	/**
	 * Sets the rate of {@code currency} (audited, with the rate it replaces) and returns
	 * every rate. Program admins only (403 otherwise); the code is read in any case and
	 * kept in capitals; a code that is not an ISO 4217 currency Trellis takes, the
	 * reporting currency itself or a rate that is not positive is a 400 naming
	 * {@code currency} or {@code toReporting}, and changes nothing.
	 */
	@Transactional
	public Map<String, BigDecimal> set(Viewer viewer, String code, BigDecimal toReporting) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin sets exchange rates");
		}
		var currency = CurrencyRule.normalized(code);
		var errors = new ArrayList<FieldError>();
		CurrencyRule.problem(currency == null ? "" : currency)
			.or(() -> ReportingCurrency.CODE.equals(currency)
					? Optional.of(currency + " is the reporting currency: its rate is always 1") : Optional.empty())
			.ifPresent(problem -> errors.add(new FieldError("currency", problem)));
		CurrencyRule.rateProblem(toReporting).ifPresent(problem -> errors.add(new FieldError("toReporting", problem)));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		var before = all().get(currency);
		this.jdbc.sql("""
				INSERT INTO exchange_rate (currency, to_reporting, updated_at) VALUES (:currency, :rate, :now)
				ON CONFLICT (currency) DO UPDATE SET to_reporting = :rate, updated_at = :now
				""")
			.param("currency", currency)
			.param("rate", toReporting)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(viewer.actor(), "exchange-rate", currency, "set", before, toReporting);
		return all();
	}

}
