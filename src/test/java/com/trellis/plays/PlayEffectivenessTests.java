package com.trellis.plays;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Play effectiveness on a hand-computed fixture: six closed deals with the play, five
 * comparable without it (same segments), two that are not comparable (other segments).
 */
class PlayEffectivenessTests {

	private final PlayEffectiveness rule = new PlayEffectiveness();

	@Test
	void comparesWinRateCycleAndSizeWithComparableDealsOfTheSameSegments() {
		var result = this.rule.judge(fixture());

		assertThat(result.enoughData()).isTrue();
		assertThat(result.segments()).as("by band size").containsExactly("201-1000", "1001-5000");
		// with: 4 won of 6; cycles 30+45+60+10 = 145 over 4 = 36.25
		assertThat(result.used().closed()).isEqualTo(6);
		assertThat(result.used().won()).isEqualTo(4);
		assertThat(result.used().winRate()).isEqualByComparingTo("66.7");
		assertThat(result.used().averageCycleDays()).isEqualByComparingTo("36.3");
		// USD (100000.00 + 50000.01 + 25000.00) / 3 = 58333.3366… ; JPY alone
		assertThat(result.used().averageSize()).containsEntry("USD", new BigDecimal("58333.34"))
			.containsEntry("JPY", new BigDecimal("1000000"));
		// without: the 1-50 and unknown-segment deals are not comparable; 2 won of 5
		assertThat(result.comparable().closed()).isEqualTo(5);
		assertThat(result.comparable().won()).isEqualTo(2);
		assertThat(result.comparable().winRate()).isEqualByComparingTo("40.0");
		assertThat(result.comparable().averageCycleDays()).isEqualByComparingTo("60.5");
		// (40000.00 + 20000.01) / 2 = 30000.005, half up to the cent
		assertThat(result.comparable().averageSize()).containsOnlyKeys("USD")
			.containsEntry("USD", new BigDecimal("30000.01"));
		assertThat(result.worded(java.util.Locale.US).reason())
			.isEqualTo("won 4 of 6 closed deals with the play (66.7 %) against 2 of "
					+ "5 closed deals comparable without it (40.0 %), in segments 201-1000, 1001-5000");
		// low31: worded per reader
		assertThat(result.worded(java.util.Locale.GERMANY).reason())
			.isEqualTo("won 4 of 6 closed deals with the play (66,7 %) against 2 of "
					+ "5 closed deals comparable without it (40,0 %), in segments 201-1000, 1001-5000");
	}

	@Test
	void saysNotEnoughDataBelowTheMinimumOnEitherSideWithTheCounts() {
		var deals = new ArrayList<>(fixture());
		deals.removeIf(d -> !d.usedPlay() && !d.won() && "1001-5000".equals(d.segment()));

		var result = this.rule.judge(deals);

		assertThat(result.enoughData()).isFalse();
		assertThat(result.comparable().closed()).isEqualTo(4);
		assertThat(result.worded(java.util.Locale.US).reason())
			.isEqualTo("not enough data: 6 closed deals with the play and 4 closed deals "
					+ "comparable without it; at least 5 needed on each side");
	}

	@Test
	void averagesGroupsOfDealsAsTheirDealsAndRoundsToTheCurrencysMinorUnit() {
		// two JPY deals of 1000 and 1001 given as one group: 2001 / 2 = 1000.5 → 1001
		var result = this.rule
			.judge(List.of(new PlayEffectiveness.DealGroup(true, "51-200", true, "JPY", 2, 40, new BigDecimal("2001")),
					new PlayEffectiveness.DealGroup(true, "51-200", false, "JPY", 1, 5, new BigDecimal("7"))));

		assertThat(result.used().closed()).isEqualTo(3);
		assertThat(result.used().winRate()).isEqualByComparingTo("66.7");
		assertThat(result.used().averageCycleDays()).isEqualByComparingTo("20.0");
		assertThat(result.used().averageSize()).containsEntry("JPY", new BigDecimal("1001"));
		assertThat(result.comparable().closed()).isZero();
		assertThat(result.comparable().winRate()).isNull();
		assertThat(result.enoughData()).isFalse();
	}

	private static List<PlayEffectiveness.DealGroup> fixture() {
		return List.of(deal(true, "201-1000", true, "USD", 30, "100000.00"),
				deal(true, "201-1000", true, "USD", 45, "50000.01"),
				deal(true, "1001-5000", true, "JPY", 60, "1000000"),
				deal(true, "201-1000", false, "USD", 20, "80000.00"),
				deal(true, "1001-5000", true, "USD", 10, "25000.00"), deal(true, "1001-5000", false, "USD", 5, "1.00"),
				deal(false, "201-1000", true, "USD", 50, "40000.00"), deal(false, "201-1000", false, "USD", 12, "9.00"),
				deal(false, "201-1000", false, "EUR", 14, "9.00"), deal(false, "1001-5000", false, "USD", 16, "9.00"),
				deal(false, "1001-5000", true, "USD", 71, "20000.01"), deal(false, "1-50", true, "USD", 3, "999.00"),
				deal(false, null, true, "USD", 3, "999.00"));
	}

	private static PlayEffectiveness.DealGroup deal(boolean used, String segment, boolean won, String currency,
			long cycle, String amount) {
		return new PlayEffectiveness.DealGroup(used, segment, won, currency, 1, cycle, new BigDecimal(amount));
	}

}
