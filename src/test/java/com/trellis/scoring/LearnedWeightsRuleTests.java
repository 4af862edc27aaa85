package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LearnedWeightsRuleTests {

	private static final LocalDate DAY = LocalDate.of(2026, 6, 30);

	private final Rubric rubric = Rubric.standard();

	@Test
	void aSignalThatFullyDeterminesTheOutcomeRanksFirst() {
		var entries = this.rubric.of(Pillar.BEHAVIOUR);
		var random = new Random(7);
		var partners = new HashMap<Long, PartnerReadings>();
		var outcome = new HashMap<Long, Integer>();
		for (long id = 1; id <= 400; id++) {
			var readings = new HashMap<String, Reading>();
			for (var entry : entries) {
				var ramp = entry.ramp();
				double value = ramp.zeroAt() + random.nextDouble() * (ramp.fullAt() - ramp.zeroAt());
				readings.put(entry.signal().key(), Reading.of(value, "fixture"));
			}
			double hours = readings.get("cosell-responsiveness").value().doubleValue();
			outcome.put(id, hours < 60 ? 1 : 0);
			partners.put(id, new PartnerReadings(id, DAY.minusDays(400), "SI", 1_000_000, readings));
		}
		var features = Features.of(partners, entries);
		double[][] x = new double[400][];
		int[] y = new int[400];
		for (int i = 0; i < 400; i++) {
			x[i] = features.get(i + 1L);
			y[i] = outcome.get(i + 1L);
		}
		var model = LogisticModel.fit(x, y);
		assertThat(entries.get(model.ranking().get(0)).signal().key()).isEqualTo("cosell-responsiveness");
		assertThat(model.coefficients()[indexOf(entries, "cosell-responsiveness")]).isGreaterThan(3);
	}

	@Test
	void learnedPointsAndBasePointsAddUpToTheScoreAndFollowTheModelsOdds() {
		var entries = this.rubric.of(Pillar.TRUST);
		var model = new LogisticModel(-1.0, new double[] { 2.0, 1.5, -0.5, 0.7 }, new double[] { 0.3, 0.2, 0.1, 0.4 },
				new double[] { 0.2, 0.2, 0.2, 0.2 });
		var random = new Random(3);
		double previousOdds = Double.NEGATIVE_INFINITY;
		BigDecimal previousScore = null;
		var rows = new java.util.TreeMap<Double, BigDecimal>();
		for (int i = 0; i < 500; i++) {
			double[] features = new double[4];
			var readings = new HashMap<String, Reading>();
			for (int j = 0; j < 4; j++) {
				features[j] = random.nextDouble();
				readings.put(entries.get(j).signal().key(), Reading.of(features[j], "fixture"));
			}
			var score = LearnedScoreRule.score(Pillar.TRUST, entries, model, features, readings, DAY.minusDays(90), DAY,
					"learned");
			var sum = score.basis().basePoints();
			for (var part : score.parts()) {
				sum = sum.add(part.points());
			}
			assertThat(sum).isEqualByComparingTo(score.value());
			assertThat(score.value()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
			rows.put(model.logOdds(features), score.value());
		}
		for (var entry : rows.entrySet()) {
			if (previousScore != null) {
				assertThat(entry.getValue().doubleValue()).isGreaterThanOrEqualTo(previousScore.doubleValue() - 0.1);
			}
			previousOdds = entry.getKey();
			previousScore = entry.getValue();
		}
		assertThat(previousOdds).isFinite();
	}

	@Test
	void aPartnerAtEveryBaselineScoresTheBasePointsAndItsSignalsGiveNothing() {
		var entries = this.rubric.of(Pillar.READINESS);
		var model = new LogisticModel(0, new double[] { 1.0, 3.0, 2.0, 4.0 }, new double[] { 0.5, 0.25, 0.5, 0.5 },
				new double[] { 0.1, 0.1, 0.1, 0.1 });
		var readings = Map.of("certified-delivery-staff", Reading.of(1.5, "x"), "vertical-specialisation",
				Reading.of(0.5, "x"), "self-assessment", Reading.of(50, "x"), "sales-maturity", Reading.of(50, "x"));
		var score = LearnedScoreRule.score(Pillar.READINESS, entries, model, new double[] { 0.5, 0.25, 0.5, 0.5 },
				readings, DAY.minusDays(90), DAY, "learned");
		// log-odds from 1.0 × [-0.5, 0.5], 3.0 × [-0.75, 2.25], the self-assessment's
		// 2.0 × [-1, 1] and the sales maturity's 4.0 × [-2, 2]: -4.25 to 5.75, so the
		// baselines sit at 100 × 4.25 / 10 = 42.5
		assertThat(entries).hasSize(4);
		assertThat(score.value()).isEqualByComparingTo("42.5");
		assertThat(score.basis().basePoints()).isEqualByComparingTo("42.5");
		assertThat(score.parts()).allSatisfy(p -> assertThat(p.points()).isEqualByComparingTo("0.0"));
	}

	@Test
	void aPartnerOnboardedLessThanThirtyDaysBeforeIsUnknownUnderLearnedWeightsToo() {
		var entries = this.rubric.of(Pillar.READINESS);
		var model = new LogisticModel(0, new double[] { 1.0, 1.0, 1.0, 1.0 }, new double[] { 0.5, 0.5, 0.5, 0.5 },
				new double[] { 0.1, 0.1, 0.1, 0.1 });
		var readings = Map.of("certified-delivery-staff", Reading.of(1, "x"), "vertical-specialisation",
				Reading.of(1, "x"), "self-assessment", Reading.of(50, "x"), "sales-maturity", Reading.of(50, "x"));
		var score = LearnedScoreRule.score(Pillar.READINESS, entries, model, new double[] { 0.5, 0.5, 0.5, 0.5 },
				readings, DAY.minusDays(12), DAY, "learned");
		assertThat(score.known()).isFalse();
		assertThat(score.unknownReason()).contains("onboarded 12 days before");
	}

	@Test
	void smallPartnersAreShrunkTowardTheirGroupAndAMissingReadingIsTheGroupsMean() {
		var entries = this.rubric.of(Pillar.READINESS);
		var partners = Map.of(1L, partner(1, "SI", 1e9, 3.0), 2L, partner(2, "SI", 1e9, 0.0), 3L,
				partner(3, "SI", Features.SHRINK, 3.0), 4L, partner(4, "SI", 0, null), 5L, partner(5, "ISV", 1e9, 1.5));
		var features = Features.of(partners, entries);
		// learned share of 3 certified staff on the 0..3 ramp: 1 - e^-1; the SI group's
		// mean:
		// (full + 0 + full) / 3
		double full = 1 - Math.exp(-1);
		assertThat(features.get(3L)[0]).isCloseTo(0.5 * full + 0.5 * (2 * full / 3),
				org.assertj.core.data.Offset.offset(1e-6));
		assertThat(features.get(4L)[0]).isCloseTo(2 * full / 3, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(features.get(5L)[0]).isCloseTo(1 - Math.exp(-0.5), org.assertj.core.data.Offset.offset(1e-6));
	}

	@Test
	void aCountKeepsRisingPastTheRubricsFullPointForTheLearnedWeights() {
		var ramp = new Ramp(0, 5);
		assertThat(ramp.share(10)).isEqualTo(ramp.share(5));
		assertThat(ramp.learnedShare(10)).isGreaterThan(ramp.learnedShare(5)).isLessThan(1);
		assertThat(new Ramp(168, 8).learnedShare(50)).isEqualTo(new Ramp(168, 8).share(50));
	}

	private static PartnerReadings partner(long id, String group, double volume, Double staff) {
		var readings = Map.of("certified-delivery-staff",
				staff == null ? Reading.unknown("none") : Reading.of(staff, "x"), "vertical-specialisation",
				Reading.of(0, "x"));
		return new PartnerReadings(id, DAY.minusDays(400), group, volume, readings);
	}

	private static int indexOf(java.util.List<Rubric.Entry> entries, String key) {
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).signal().key().equals(key)) {
				return i;
			}
		}
		throw new IllegalArgumentException(key);
	}

}
