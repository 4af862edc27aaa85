package com.trellis.metrics;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.trellis.shared.ExchangeRates;
import com.trellis.shared.SqlPipeline;
import com.trellis.shared.validation.CurrencyRates;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the shared currency constraint which currencies have a rate, so no module accepts
 * an amount that would drop out of the KPIs and the forecast, and gives other modules
 * (incentives) the rates to compare amounts in different currencies.
 */
@Component
class ExchangeRateLookup implements CurrencyRates, ExchangeRates {

	private final JdbcClient jdbc;

	ExchangeRateLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean hasRate(String currency) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM exchange_rate WHERE currency = ?)")
			.param(currency)
			.query(Boolean.class)
			.single();
	}

	@Override
	public Supplier<Boolean> hasRate(SqlPipeline reads, String currency) {
		var read = reads.query("SELECT EXISTS (SELECT 1 FROM exchange_rate WHERE currency = :currency)",
				Map.of("currency", currency), (rs, n) -> rs.getBoolean(1));
		return () -> read.get().get(0);
	}

	@Override
	public Optional<BigDecimal> toReporting(String currency) {
		return this.jdbc.sql("SELECT to_reporting FROM exchange_rate WHERE currency = ?")
			.param(currency)
			.query(BigDecimal.class)
			.optional();
	}

}
