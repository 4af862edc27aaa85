package com.trellis.marketplace;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.shared.MinorUnits;

/**
 * One marketplace transaction: the partner that sold, the customer, the listing sold, the
 * amount in its own currency and the day, with the marketplace's own id.
 *
 * @param id the Trellis id
 * @param sourceId the marketplace's id of the transaction (unique)
 * @param partnerId the partner
 * @param partnerName its name
 * @param customer the customer's name as the marketplace gives it
 * @param listing the listing (product or offer) sold
 * @param amount the amount at its currency's minor unit
 * @param currency ISO 4217
 * @param transactedOn the day of the transaction
 */
public record MarketplaceTransaction(long id, String sourceId, long partnerId, String partnerName, String customer,
		String listing, BigDecimal amount, String currency, LocalDate transactedOn) {

	/** The amount at its currency's minor unit, whatever scale it was read with. */
	public MarketplaceTransaction {
		amount = MinorUnits.round(amount, currency);
	}

	/** Whether the transaction already holds these values. */
	public boolean same(TransactionValues values) {
		return this.partnerId == values.partnerId() && this.customer.equals(values.customer())
				&& this.listing.equals(values.listing()) && this.amount.compareTo(values.amount()) == 0
				&& this.currency.equals(values.currency()) && this.transactedOn.equals(values.transactedOn());
	}

}
