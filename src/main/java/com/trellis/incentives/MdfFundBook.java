package com.trellis.incentives;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Optional;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.Conversions;
import com.trellis.shared.ExchangeRates;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.MoneyFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A partner's MDF fund, kept in one currency: the currency of its first accrual. Each
 * claim draws on it converted into that currency at the rate of the day it is claimed
 * (kept with the claim); accruals in another currency and claims from before conversions
 * were kept are converted at today's rate, and say so.
 */
@Component
class MdfFundBook {

	private static final int RATE_DECIMALS = 8;

	private final JdbcClient jdbc;

	private final ExchangeRates rates;

	private final BusinessCalendar calendar;

	MdfFundBook(JdbcClient jdbc, ExchangeRates rates, BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.rates = rates;
		this.calendar = calendar;
	}

	/**
	 * The fund with its claims and what approvals hold of it, or empty when nothing was
	 * ever accrued into it.
	 */
	Optional<MdfFund> fund(long partnerId) {
		return fund(partnerId, true);
	}

	/** As {@link #fund(long)}; what approvals hold is read only when {@code held}. */
	private Optional<MdfFund> fund(long partnerId, boolean held) {
		var currency = currencyOf(partnerId);
		if (currency == null) {
			return Optional.empty();
		}
		var conversions = new Conversions(this.rates);
		var accrued = BigDecimal.ZERO;
		for (var accrual : this.jdbc.sql("""
				SELECT currency, sum(amount) FROM incentive_earning WHERE partner_id = :partner AND kind = 'MDF_FUND'
				GROUP BY currency
				""")
			.param("partner", partnerId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getBigDecimal(2) })
			.list()) {
			// an accrual in a currency without a rate cannot be counted in the fund's
			accrued = accrued.add(conversions.convert((BigDecimal) accrual[1], (String) accrual[0], currency)
				.orElse(BigDecimal.ZERO));
		}
		var claims = new ArrayList<MdfFund.Claim>();
		var claimed = BigDecimal.ZERO;
		for (var claim : this.jdbc
			.sql("""
					SELECT c.id, r.activity, c.amount, r.currency, c.fund_currency, c.fund_amount, c.fund_rate, c.converted_on
					FROM mdf_claim c JOIN mdf_request r ON r.id = c.request_id
					WHERE r.partner_id = :partner ORDER BY c.claimed_at, c.id
					""")
			.param("partner", partnerId)
			.query((rs, n) -> {
				var kept = currency.equals(rs.getString(5)) && rs.getBigDecimal(6) != null;
				var amount = MinorUnits.round(rs.getBigDecimal(3), rs.getString(4));
				if (kept) {
					return new MdfFund.Claim(rs.getLong(1), rs.getString(2), amount, rs.getString(4), currency,
							rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getObject(8, LocalDate.class));
				}
				var now = toFund(amount, rs.getString(4), currency, conversions);
				return new MdfFund.Claim(rs.getLong(1), rs.getString(2), amount, rs.getString(4), currency,
						now.map(Conversion::amount).orElse(BigDecimal.ZERO),
						now.map(Conversion::rate).orElse(BigDecimal.ZERO), this.calendar.today());
			})
			.list()) {
			claims.add(claim);
			claimed = claimed.add(claim.fundAmount());
		}
		accrued = MinorUnits.round(accrued, currency);
		// what approvals hold of the fund (try12: the statement's "available" was what
		// was left, more than an approval may take)
		return Optional.of(new MdfFund(currency, accrued, MinorUnits.round(claimed, currency),
				MinorUnits.round(accrued.subtract(claimed), currency),
				held ? committed(partnerId, currency, 0).orElse(null) : null, claims));
	}

	/**
	 * What is left of the fund in another currency (zero without a fund), refused naming
	 * {@code field} when there is no rate between them.
	 */
	BigDecimal leftIn(long partnerId, String currency, String field) {
		return left(partnerId, currency).orElseThrow(() -> InvalidInputException.of(field, "no exchange rate between "
				+ currencyOf(partnerId) + " and " + currency + " to compare with the partner's fund"));
	}

	/** What is left of the fund in a currency, or empty without a rate to convert it. */
	Optional<BigDecimal> left(long partnerId, String currency) {
		// what is left only: the approvals' hold is read by the caller that needs it
		var fund = fund(partnerId, false);
		if (fund.isEmpty()) {
			return Optional.of(MinorUnits.round(BigDecimal.ZERO, currency));
		}
		return new Conversions(this.rates).convert(fund.get().balance(), fund.get().currency(), currency);
	}

	/**
	 * What the fund has free for an approval of a request in {@code currency}: what is
	 * left of it, less what is approved on the partner's other requests and not claimed
	 * yet, up to their claim deadlines (each converted at today's rate); empty without a
	 * rate.
	 */
	Optional<Free> free(long partnerId, String currency, long requestId) {
		var left = left(partnerId, currency);
		if (left.isEmpty()) {
			return Optional.empty();
		}
		return committed(partnerId, currency, requestId).map(committed -> new Free(left.get(), committed, currency));
	}

	/**
	 * What is approved on the partner's requests (but {@code requestId}) and not claimed
	 * yet, up to their claim deadlines, in {@code currency} at today's rates; empty
	 * without a rate.
	 */
	private Optional<BigDecimal> committed(long partnerId, String currency, long requestId) {
		var conversions = new Conversions(this.rates);
		var committed = BigDecimal.ZERO;
		for (var open : this.jdbc.sql("""
				SELECT r.currency, sum(r.approved_amount - COALESCE(c.claimed, 0))
				FROM mdf_request r
				LEFT JOIN (SELECT request_id, sum(amount) AS claimed FROM mdf_claim GROUP BY request_id) c
				  ON c.request_id = r.id
				WHERE r.partner_id = :partner AND r.status = 'APPROVED' AND r.id <> :request
				  AND (r.claim_by IS NULL OR r.claim_by >= :today)
				GROUP BY r.currency HAVING sum(r.approved_amount - COALESCE(c.claimed, 0)) > 0
				""")
			.param("partner", partnerId)
			.param("today", this.calendar.today())
			.param("request", requestId)
			.query((rs, n) -> conversions.convert(rs.getBigDecimal(2), rs.getString(1), currency))
			.list()) {
			if (open.isEmpty()) {
				return Optional.empty();
			}
			committed = committed.add(open.get());
		}
		return Optional.of(MinorUnits.round(committed, currency));
	}

	/**
	 * What an approval may use: what is left of the fund and what other approvals hold of
	 * it, in one currency.
	 */
	record Free(BigDecimal left, BigDecimal committed, String currency) {

		/** Both at the currency's minor unit. */
		Free {
			left = MinorUnits.round(left, currency);
			committed = MinorUnits.round(committed, currency);
		}

		BigDecimal amount() {
			return this.left.subtract(this.committed);
		}

		/** Says what is free and, when other approvals hold part of the fund, why. */
		String described() {
			var free = MoneyFormat.of(amount(), this.currency);
			return this.committed.signum() == 0 ? free
					: free + ": " + MoneyFormat.of(this.left, this.currency) + " left, less "
							+ MoneyFormat.of(this.committed, this.currency)
							+ " approved on other requests and not claimed yet";
		}

	}

	/**
	 * A claim's amount converted into the fund's currency today, to be kept with the
	 * claim; refused naming {@code field} without a rate.
	 */
	Conversion claimed(long partnerId, BigDecimal amount, String currency, String field) {
		var fundCurrency = currencyOf(partnerId);
		if (fundCurrency == null) {
			return new Conversion(currency, amount, BigDecimal.ONE, this.calendar.today());
		}
		return toFund(amount, currency, fundCurrency, new Conversions(this.rates))
			.orElseThrow(() -> InvalidInputException.of(field, "no exchange rate between " + currency + " and "
					+ fundCurrency + " to draw the claim from the partner's fund"));
	}

	private Optional<Conversion> toFund(BigDecimal amount, String from, String to, Conversions conversions) {
		var converted = conversions.convert(amount, from, to);
		if (converted.isEmpty()) {
			return Optional.empty();
		}
		var rate = from.equals(to) ? BigDecimal.ONE
				: this.rates.toReporting(from)
					.orElseThrow()
					.divide(this.rates.toReporting(to).orElseThrow(), RATE_DECIMALS, RoundingMode.HALF_UP);
		return Optional.of(new Conversion(to, converted.get(), rate, this.calendar.today()));
	}

	/** The currency of the partner's first accrual, or null when it has none. */
	private String currencyOf(long partnerId) {
		return this.jdbc.sql("""
				SELECT currency FROM incentive_earning WHERE partner_id = :partner AND kind = 'MDF_FUND'
				ORDER BY earned_at, id LIMIT 1
				""").param("partner", partnerId).query(String.class).optional().orElse(null);
	}

	/** An amount in the fund's currency, with the rate and day it was converted at. */
	record Conversion(String currency, BigDecimal amount, BigDecimal rate, LocalDate on) {

		Conversion {
			amount = MinorUnits.round(amount, currency);
		}

	}

}
