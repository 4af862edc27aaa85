package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoreRuleTests {

	@Test
	void aScorecardExplainsEverySignalInWordsNotEventCodesOrTableNames() {
		var codes = java.util.regex.Pattern.compile("[A-Z]+_[A-Z_]+|[a-z]+_[a-z_]+");
		assertThat(Rubric.standard().entries()).allSatisfy(entry -> {
			var signal = entry.signal();
			for (var text : java.util.List.of(signal.definition(), signal.source(), signal.window())) {
				assertThat(codes.matcher(text).find()).as(signal.name() + ": " + text).isFalse();
			}
		});
	}

	private final Rubric rubric = Rubric.standard();

	@Test
	void contributionsAddUpToTheScore() {
		var readings = readings(Map.of("cosell-responsiveness", "30", "deal-hygiene", "77.7", "field-interactions",
				"1.33", "applied-enablement", "41", "activity-trend", "1.13", "play-use", "0.67"));
		var score = ScoreRule.score(Pillar.BEHAVIOUR, this.rubric.of(Pillar.BEHAVIOUR), readings,
				RecordsFixture.DAY.minusDays(200), RecordsFixture.DAY);
		assertThat(score.known()).isTrue();
		var sum = score.parts().stream().map(Score.Part::points).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sum).isEqualByComparingTo(score.value());
		assertThat(score.value()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
	}

	@Test
	void contributionsAddUpForEveryMixOfValues() {
		var random = new java.util.SplittableRandom(11);
		for (int i = 0; i < 2000; i++) {
			var values = new HashMap<String, String>();
			for (var entry : this.rubric.of(Pillar.TRUST)) {
				values.put(entry.signal().key(), String.valueOf(random.nextInt(8)));
			}
			var score = ScoreRule.score(Pillar.TRUST, this.rubric.of(Pillar.TRUST), readings(values),
					RecordsFixture.DAY.minusDays(200), RecordsFixture.DAY);
			var sum = score.parts().stream().map(Score.Part::points).reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(sum).as(values.toString()).isEqualByComparingTo(score.value());
		}
	}

	@Test
	void aPartnerAtEveryFullMarkScoresOneHundred() {
		var readings = readings(
				Map.of("joint-wins", "9", "ae-invitations", "6", "repeat-invitations", "3", "inviting-aes", "12"));
		var score = ScoreRule.score(Pillar.TRUST, this.rubric.of(Pillar.TRUST), readings,
				RecordsFixture.DAY.minusDays(200), RecordsFixture.DAY);
		assertThat(score.value()).isEqualByComparingTo("100.0");
	}

	@Test
	void unknownSignalsLeaveTheirWeightToTheOthers() {
		// responsiveness, applied enablement and play use unknown: 50 of 100 weight
		// missing, 50 known
		var readings = readings(Map.of("deal-hygiene", "100", "field-interactions", "4", "activity-trend", "1.5"));
		var score = ScoreRule.score(Pillar.BEHAVIOUR, this.rubric.of(Pillar.BEHAVIOUR), readings,
				RecordsFixture.DAY.minusDays(200), RecordsFixture.DAY);
		assertThat(score.value()).isEqualByComparingTo("100.0");
		assertThat(score.parts()).filteredOn(p -> p.points() == null).hasSize(3);
	}

	@Test
	void aScoreIsUnknownWhenTheKnownSignalsCarryLessThanHalfTheWeight() {
		var readings = readings(Map.of("deal-hygiene", "100", "activity-trend", "1.5"));
		var score = ScoreRule.score(Pillar.BEHAVIOUR, this.rubric.of(Pillar.BEHAVIOUR), readings,
				RecordsFixture.DAY.minusDays(200), RecordsFixture.DAY);
		assertThat(score.known()).isFalse();
		assertThat(score.unknownReason()).startsWith("too little data: the signals known carry 30 of 100 weight")
			.contains("co-sell responsiveness: no data");
		assertThat(score.parts()).allMatch(p -> p.points() == null);
	}

	@Test
	void aScoreIsUnknownForAPartnerOnboardedLessThanThirtyDaysBefore() {
		var readings = readings(
				Map.of("joint-wins", "9", "ae-invitations", "6", "repeat-invitations", "3", "inviting-aes", "12"));
		var score = ScoreRule.score(Pillar.TRUST, this.rubric.of(Pillar.TRUST), readings,
				RecordsFixture.DAY.minusDays(10), RecordsFixture.DAY);
		assertThat(score.unknownReason()).isEqualTo("onboarded 10 days before; scores start 30 days after onboarding");
		var never = ScoreRule.score(Pillar.TRUST, this.rubric.of(Pillar.TRUST), readings, null, RecordsFixture.DAY);
		assertThat(never.unknownReason()).isEqualTo("not onboarded by 2026-06-30");
	}

	@Test
	void theWeightsOfEachScoreMustAddUpToOneHundred() {
		var entries = new java.util.ArrayList<>(this.rubric.entries());
		entries.remove(0);
		assertThatThrownBy(() -> new Rubric(entries)).hasMessageContaining("READINESS add up to 72");
	}

	private Map<String, Reading> readings(Map<String, String> values) {
		var readings = new HashMap<String, Reading>();
		for (var entry : this.rubric.entries()) {
			var value = values.get(entry.signal().key());
			readings.put(entry.signal().key(),
					Objects.isNull(value) ? Reading.unknown("no data") : new Reading(new BigDecimal(value), "fixture"));
		}
		return readings;
	}

}
