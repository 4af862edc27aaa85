package com.trellis.marketplace;

import java.math.BigDecimal;

import com.trellis.marketplace.MarketplaceTrend.Trend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarketplaceTrendTest {

	@Test
	void salesUpByAFifthOrMoreAgainstTheNinetyDaysBeforeAreRising() {
		var verdict = MarketplaceTrend.of(3, new BigDecimal("2210.00"), 2, new BigDecimal("426.99"), "USD");
		assertThat(verdict.trend()).isEqualTo(Trend.RISING);
		// (2210.00 - 426.99) / 426.99 = 4.175765... → 417.6 %
		assertThat(verdict.changePercent()).isEqualByComparingTo("417.6");
		assertThat(read(verdict.reason(), java.util.Locale.US))
			.isEqualTo("3 transactions for USD 2,210.00 in the last 90 days against 2 for USD "
					+ "426.99 in the 90 days before: +417.6 % by amount");
		// low31: the figures are parts, worded per reader (the amounts were not grouped)
		assertThat(read(verdict.reason(), java.util.Locale.GERMANY))
			.isEqualTo("3 transactions for USD 2.210,00 in the last 90 days against 2 for USD "
					+ "426,99 in the 90 days before: +417,6 % by amount");
	}

	@Test
	void aChangeJustUnderAFifthIsSteadyAndAFifthDownIsFalling() {
		// the change as shown, one decimal: 19.94 % is 19.9 %, steady
		assertThat(MarketplaceTrend.of(4, new BigDecimal("119.94"), 4, new BigDecimal("100.00"), "USD").trend())
			.isEqualTo(Trend.STEADY);
		assertThat(MarketplaceTrend.of(4, new BigDecimal("120.00"), 4, new BigDecimal("100.00"), "USD").trend())
			.isEqualTo(Trend.RISING);
		var falling = MarketplaceTrend.of(1, new BigDecimal("80.00"), 4, new BigDecimal("100.00"), "USD");
		assertThat(falling.trend()).isEqualTo(Trend.FALLING);
		assertThat(falling.changePercent()).isEqualByComparingTo("-20.0");
	}

	@Test
	void salesOnlyInTheLastNinetyDaysAreNewAndOnlyBeforeStopped() {
		var fresh = MarketplaceTrend.of(2, new BigDecimal("50.00"), 0, BigDecimal.ZERO, "USD");
		assertThat(fresh.trend()).isEqualTo(Trend.NEW);
		assertThat(fresh.changePercent()).isNull();
		assertThat(fresh.reason()).endsWith("none in the 90 days before");
		var stopped = MarketplaceTrend.of(0, BigDecimal.ZERO, 3, new BigDecimal("90.00"), "USD");
		assertThat(stopped.trend()).isEqualTo(Trend.STOPPED);
		assertThat(stopped.changePercent()).isEqualByComparingTo("-100.0");
		assertThat(MarketplaceTrend.of(0, BigDecimal.ZERO, 0, BigDecimal.ZERO, "USD").trend()).isEqualTo(Trend.NONE);
	}

	@Test
	void freeTransactionsBeforeAreComparedByTheirNumber() {
		var verdict = MarketplaceTrend.of(3, BigDecimal.ZERO, 2, BigDecimal.ZERO, "USD");
		assertThat(verdict.trend()).isEqualTo(Trend.RISING);
		assertThat(verdict.changePercent()).isEqualByComparingTo("50.0");
		assertThat(verdict.reason()).endsWith("by number of transactions");
	}

	private static String read(String stored, java.util.Locale reader) {
		return com.trellis.shared.StoredFigures.render(stored, reader);
	}

}
