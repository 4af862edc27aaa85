package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.trellis.deals.CreditType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IncentiveRulesTest {

	private static final java.util.function.Predicate<LocalDate> ALWAYS = day -> true;

	private static final LocalDate ONBOARDED = LocalDate.of(2026, 1, 1);

	private static final List<Tier> REBATE = List.of(new Tier(new BigDecimal("0"), new BigDecimal("2")),
			new Tier(new BigDecimal("100000"), new BigDecimal("3")),
			new Tier(new BigDecimal("250000"), new BigDecimal("5")));

	@Test
	void spiffPaysOnlyTheFirstNWinsInsideTheWindow() {
		var params = new FastStartSpiff.Params(new BigDecimal("500.00"), "USD", 2, 90);
		var earned = FastStartSpiff.earn(params, ONBOARDED, List.of(win(3, 30), win(1, 10), win(2, 89), win(4, 95)),
				ZoneOffset.UTC, ALWAYS);
		assertThat(earned).extracting(Earned::opportunityId).containsExactly(1L, 3L);
		assertThat(earned).extracting(Earned::amount).containsOnly(new BigDecimal("500.00"));
		assertThat(earned.get(1).basis()).contains("one of the first 2 wins");
		// try12: "one of the first 1 win"
		var first = FastStartSpiff.earn(new FastStartSpiff.Params(new BigDecimal("500.00"), "USD", 1, 90), ONBOARDED,
				List.of(win(1, 10)), ZoneOffset.UTC, ALWAYS);
		assertThat(first.get(0).basis()).contains("fast-start SPIFF: the first win within 90 days");
	}

	@Test
	void spiffDaysAreBusinessDaysInTheBusinessZone() {
		var auckland = java.time.ZoneId.of("Pacific/Auckland");
		var params = new FastStartSpiff.Params(new BigDecimal("500.00"), "USD", 3, 90);
		// 00:30 in Auckland on the onboarding day (the day before in UTC) counts; 00:30
		// on
		// day 90 (still day 89 in UTC) does not
		var onOnboardingDay = new WonDeal(1, new BigDecimal("10000.00"), "USD", CreditType.SOURCED, WonDeal.WHOLE,
				ONBOARDED.atTime(0, 30).atZone(auckland).toInstant());
		var onDay90 = new WonDeal(2, new BigDecimal("10000.00"), "USD", CreditType.SOURCED, WonDeal.WHOLE,
				ONBOARDED.plusDays(90).atTime(0, 30).atZone(auckland).toInstant());
		assertThat(FastStartSpiff.earn(params, ONBOARDED, List.of(onOnboardingDay, onDay90), auckland, ALWAYS))
			.extracting(Earned::opportunityId)
			.containsExactly(1L);
	}

	@Test
	void spiffPaysNoWinClosedBeforeTheProgramStartedOrAfterItEnded() {
		var params = new FastStartSpiff.Params(new BigDecimal("500.00"), "USD", 3, 90);
		// program from day 20 to day 40: win 1 (day 10) is before it, win 3 (day 50)
		// after
		var program = new Program(1, "Fast start", ProgramKind.FAST_START_SPIFF, "USD", ONBOARDED.plusDays(20),
				ONBOARDED.plusDays(40), java.util.Map.of());
		var earned = FastStartSpiff.earn(params, ONBOARDED, List.of(win(1, 10), win(2, 30), win(3, 50)), ZoneOffset.UTC,
				program::effectiveOn);
		assertThat(earned).extracting(Earned::opportunityId).containsExactly(2L);
		assertThat(earned.get(0).basis()).contains("one of the first 3 wins");
	}

	@Test
	void aSpiffWinOnDay90IsOutsideTheWindow() {
		var params = new FastStartSpiff.Params(new BigDecimal("750.00"), "USD", 3, 90);
		assertThat(FastStartSpiff.earn(params, ONBOARDED, List.of(win(1, 90), win(2, 89)), ZoneOffset.UTC, ALWAYS))
			.extracting(Earned::opportunityId)
			.containsExactly(2L);
		assertThatIllegalArgumentException().isThrownBy(() -> new FastStartSpiff.Params(BigDecimal.TEN, "USD", 4, 90));
	}

	@Test
	void referralPaysMoreForSourcedThanInfluencedOrCoSell() {
		var params = new ReferralBonus.Params(new BigDecimal("10"), new BigDecimal("5"), new BigDecimal("2.5"));
		assertThat(ReferralBonus.earn(params, deal(CreditType.SOURCED, "12345.67")).orElseThrow().amount())
			.isEqualByComparingTo("1234.57");
		assertThat(ReferralBonus.earn(params, deal(CreditType.INFLUENCED, "12345.67")).orElseThrow().amount())
			.isEqualByComparingTo("617.28");
		assertThat(ReferralBonus.earn(params, deal(CreditType.CO_SELL, "12345.67")).orElseThrow().amount())
			.isEqualByComparingTo("308.64");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReferralBonus.Params(new BigDecimal("5"), new BigDecimal("5"), new BigDecimal("1")));
	}

	@Test
	void rebateAcceleratesAtThresholdsAndAThresholdReachedExactlyCounts() {
		assertThat(QuarterlyRebate.earn(REBATE, "2026-Q3", new BigDecimal("99999.99"), "USD").orElseThrow().amount())
			.isEqualByComparingTo("2000.00");
		assertThat(QuarterlyRebate.earn(REBATE, "2026-Q3", new BigDecimal("100000.00"), "USD").orElseThrow().amount())
			.isEqualByComparingTo("3000.00");
		assertThat(QuarterlyRebate.earn(REBATE, "2026-Q3", new BigDecimal("249999.99"), "USD").orElseThrow().amount())
			.isEqualByComparingTo("7500.00");
		var top = QuarterlyRebate.earn(REBATE, "2026-Q3", new BigDecimal("250000.00"), "USD").orElseThrow();
		assertThat(top.amount()).isEqualByComparingTo("12500.00");
		assertThat(com.trellis.shared.StoredFigures.render(top.basis(), java.util.Locale.US))
			.isEqualTo("quarterly rebate 2026-Q3: 5.0 % of USD 250,000.00 (tier from USD 250,000.00)");
		assertThat(top.sourceKey()).isEqualTo("quarter:2026-Q3:USD");
	}

	@Test
	void mdfAccruesTheFundOfTheHighestThresholdReached() {
		var tiers = List.of(new Tier(new BigDecimal("50000"), new BigDecimal("5000.00")),
				new Tier(new BigDecimal("150000"), new BigDecimal("15000.00")));
		assertThat(MdfAccrual.earn(tiers, "2026-Q3", new BigDecimal("49999.99"), "EUR")).isEmpty();
		assertThat(MdfAccrual.earn(tiers, "2026-Q3", new BigDecimal("50000.00"), "EUR").orElseThrow().amount())
			.isEqualByComparingTo("5000.00");
		assertThat(MdfAccrual.earn(tiers, "2026-Q3", new BigDecimal("150000.00"), "EUR").orElseThrow().amount())
			.isEqualByComparingTo("15000.00");
	}

	private static WonDeal win(long id, int day) {
		return new WonDeal(id, new BigDecimal("10000.00"), "USD", CreditType.SOURCED, WonDeal.WHOLE,
				ONBOARDED.plusDays(day).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
	}

	private static WonDeal deal(CreditType type, String amount) {
		return new WonDeal(9, new BigDecimal(amount), "USD", type, WonDeal.WHOLE,
				Instant.parse("2026-03-01T00:00:00Z"));
	}

	@Test
	void aQuarterCanBeClosedOnlyOnceItIsOver() {
		assertThat(QuarterCloseRule.refusal("2026-Q4", LocalDate.of(2027, 1, 1), LocalDate.of(2026, 11, 30)))
			.contains("2026-Q4 ends on 2026-12-31; it can be closed from 2027-01-01");
		assertThat(QuarterCloseRule.refusal("2026-Q4", LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 31)))
			.isPresent();
		assertThat(QuarterCloseRule.refusal("2026-Q4", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1))).isEmpty();
	}

}
