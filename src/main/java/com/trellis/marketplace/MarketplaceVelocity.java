package com.trellis.marketplace;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.shared.MinorUnits;
import com.trellis.shared.StoredFigures;

/**
 * A partner's marketplace velocity as of a day, amounts in the reporting currency: the
 * transactions and their amount in the last 30 and 90 days (the day included), the 90
 * days before those, and the trend of the last 90 days against them with its reason.
 *
 * @param partnerId the partner
 * @param name its name
 * @param asOf the last day counted
 * @param currency the reporting currency
 * @param transactions30 transactions in the last 30 days
 * @param amount30 their amount
 * @param transactions90 transactions in the last 90 days
 * @param amount90 their amount
 * @param transactionsBefore transactions in the 90 days before the last 90
 * @param amountBefore their amount
 * @param changePercent the change of the last 90 days against the 90 before, in percent
 * @param trend RISING, NEW, STEADY, FALLING, STOPPED or NONE
 * @param reason the trend in words
 */
public record MarketplaceVelocity(long partnerId, String name, LocalDate asOf, String currency, long transactions30,
		BigDecimal amount30, long transactions90, BigDecimal amount90, long transactionsBefore, BigDecimal amountBefore,
		BigDecimal changePercent, String trend, String reason) {

	/** Amounts at the reporting currency's minor unit. */
	public MarketplaceVelocity {
		amount30 = MinorUnits.round(amount30, currency);
		amount90 = MinorUnits.round(amount90, currency);
		amountBefore = MinorUnits.round(amountBefore, currency);
	}

	/**
	 * The velocity with its reason's figures in the reader's notation (written as
	 * {@link StoredFigures} parts).
	 */
	public MarketplaceVelocity worded(java.util.Locale locale) {
		return new MarketplaceVelocity(this.partnerId, this.name, this.asOf, this.currency, this.transactions30,
				this.amount30, this.transactions90, this.amount90, this.transactionsBefore, this.amountBefore,
				this.changePercent, this.trend, StoredFigures.render(this.reason, locale));
	}

	/** A partner without marketplace transactions in the 180 days. */
	static MarketplaceVelocity none(long partnerId, String name, LocalDate asOf, String currency) {
		var verdict = MarketplaceTrend.of(0, BigDecimal.ZERO, 0, BigDecimal.ZERO, currency);
		return new MarketplaceVelocity(partnerId, name, asOf, currency, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0,
				BigDecimal.ZERO, null, verdict.trend().name(), verdict.reason());
	}

}
