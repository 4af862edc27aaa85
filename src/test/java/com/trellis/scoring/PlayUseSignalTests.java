package com.trellis.scoring;

import java.util.Locale;

import com.trellis.shared.StoredFigures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Use of recommended plays: plays recommended for the deal they were used on, in the last
 * 90 days, per 30 days, from the plays module's {@code PLAY_USED} activity; other plays
 * used ({@code OTHER_PLAY_USED}) earn nothing.
 */
class PlayUseSignalTests {

	@Test
	void countsPlaysUsedInTheLastNinetyDaysPerThirtyDays() {
		var records = new RecordsFixture().events("PLAY_USED", 10, 2)
			.events("PLAY_USED", 89, 1)
			.events("PLAY_USED", 95, 7)
			.events("OTHER_PLAY_USED", 3, 5)
			.events("AE_INTERACTION", 5, 4);
		var reading = records.read(new PlayUse());
		// 3 recommended plays in 90 days: 1 per 30 days; the one 95 days back is outside
		// the window, and the 5 plays that were not recommended count for nothing
		assertThat(reading.value()).isEqualByComparingTo("1.00");
		assertThat(StoredFigures.render(reading.reason(), Locale.US)).isEqualTo("3 recommended plays used in 90 days");
	}

	@Test
	void noPlayUsedIsZeroNotUnknown() {
		var reading = new RecordsFixture().events("AE_INTERACTION", 5, 4).read(new PlayUse());
		assertThat(reading.known()).isTrue();
		assertThat(reading.value()).isEqualByComparingTo("0");
	}

	@Test
	void playsUsedAfterTheCutOffChangeNothing() {
		var before = new RecordsFixture().events("PLAY_USED", 5, 1);
		var after = new RecordsFixture().events("PLAY_USED", 5, 1).events("PLAY_USED", -1, 6);
		assertThat(after.read(new PlayUse())).isEqualTo(before.read(new PlayUse()));
	}

	@Test
	void theRubricGivesPlayUseTenOfTheBehaviourWeight() {
		var entry = Rubric.standard()
			.of(Pillar.BEHAVIOUR)
			.stream()
			.filter(e -> e.signal() instanceof PlayUse)
			.findFirst()
			.orElseThrow();
		assertThat(entry.weight()).isEqualTo(10);
	}

}
