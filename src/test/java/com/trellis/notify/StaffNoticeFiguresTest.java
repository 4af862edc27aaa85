package com.trellis.notify;

import java.math.BigDecimal;
import java.util.Locale;

import com.trellis.credit.DisputeToDecide;
import com.trellis.deals.CreditType;
import com.trellis.incentives.MdfRequestToDecide;
import com.trellis.registration.RegistrationStatus;
import com.trellis.registration.RegistrationToDecide;
import com.trellis.shared.StoredFigures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff notices' figures (an MDF request's cost, a disputed credit's share, a
 * registration's amount) are stored as parts, so the inbox, e-mail and Slack word them in
 * the reader's notation: a German reader read "Requested 1000.00 USD" and "at 25.00%"
 * beside "USD 1.000,00" elsewhere.
 */
class StaffNoticeFiguresTest {

	@Test
	void anMdfRequestsCostReadsInEachReadersNotation() {
		var notice = new MdfRequestToDecide(7, 3, "Trade show booth", new BigDecimal("12345.6"), "USD").noticeTo(9);

		assertThat(read(notice, Locale.GERMANY)).isEqualTo("Requested USD 12.345,60 for Trade show booth.");
		assertThat(read(notice, Locale.US)).isEqualTo("Requested USD 12,345.60 for Trade show booth.");
	}

	@Test
	void aDisputedCreditsShareReadsInEachReadersNotation() {
		var notice = new DisputeToDecide(5, 11, "Big deal", CreditType.SOURCED, new BigDecimal("25.00"), "Ours first.")
			.noticeTo(9);

		assertThat(read(notice, Locale.GERMANY))
			.isEqualTo("The partner credit of Big deal is disputed: proposed sourced at 25,0 %. Ours first.");
		assertThat(read(notice, Locale.US))
			.isEqualTo("The partner credit of Big deal is disputed: proposed sourced at 25.0 %. Ours first.");
	}

	@Test
	void aRegistrationsAmountReadsInEachReadersNotation() {
		var notice = new RegistrationToDecide(4, RegistrationStatus.PENDING, 1L, "Acme", new BigDecimal("1234567"),
				"EUR", null)
			.noticeTo(9);

		assertThat(read(notice, Locale.GERMANY)).isEqualTo("Acme (EUR 1.234.567,00) waits for your decision.");
		assertThat(read(notice, Locale.US)).isEqualTo("Acme (EUR 1,234,567.00) waits for your decision.");
	}

	private static String read(StaffNotice notice, Locale reader) {
		return StoredFigures.render(notice.body(), reader);
	}

}
