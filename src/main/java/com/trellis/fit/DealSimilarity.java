package com.trellis.fit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.trellis.deals.DealProfile;

/**
 * Whether a won deal is like the deal at hand, and how much: it must be with a customer
 * of the same industry (one point); it earns a point more for each of the same company
 * size (employee band), the same country and the same deal size band (amount in the
 * reporting currency: under 25,000, 25,000 to 100,000, 100,000 to 500,000, 500,000 and
 * more). A trait unknown on either side does not match. The reason names what is alike.
 */
final class DealSimilarity {

	/** The most points a won deal can earn. */
	static final int MAX_POINTS = 4;

	private static final BigDecimal[] BAND_FLOORS = { new BigDecimal("25000"), new BigDecimal("100000"),
			new BigDecimal("500000") };

	private static final String[] BAND_NAMES = { "under 25,000", "25,000–100,000", "100,000–500,000",
			"500,000 and more" };

	private DealSimilarity() {
	}

	/** The similarity of the won deal to the deal, or empty when they are not alike. */
	static Optional<Similar> of(DealProfile deal, DealProfile won) {
		if (!same(deal.industry(), won.industry())) {
			return Optional.empty();
		}
		var alike = new ArrayList<String>();
		alike.add("industry " + deal.industry().strip());
		if (same(deal.employeeBand(), won.employeeBand())) {
			alike.add(deal.employeeBand() + " employees");
		}
		if (same(deal.country(), won.country())) {
			alike.add("country " + deal.country());
		}
		var band = sizeBand(deal.reportingAmount());
		if (band != null && band.equals(sizeBand(won.reportingAmount()))) {
			alike.add("deal size " + band);
		}
		return Optional.of(new Similar(alike.size(), List.copyOf(alike)));
	}

	/**
	 * The deal size band of an amount in the reporting currency, or null when unknown.
	 */
	static String sizeBand(BigDecimal reportingAmount) {
		if (reportingAmount == null) {
			return null;
		}
		int band = 0;
		while (band < BAND_FLOORS.length && reportingAmount.compareTo(BAND_FLOORS[band]) >= 0) {
			band++;
		}
		return BAND_NAMES[band];
	}

	private static boolean same(String a, String b) {
		return a != null && b != null && !a.isBlank() && a.strip().equalsIgnoreCase(b.strip());
	}

	/** Points (1 to 4) and the traits that are alike, in words. */
	record Similar(int points, List<String> alike) {

		String reason() {
			return String.join(", ", this.alike);
		}

	}

}
