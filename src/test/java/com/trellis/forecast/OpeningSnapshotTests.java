package com.trellis.forecast;

import java.time.LocalDate;
import java.time.Month;

import com.trellis.shared.FiscalQuarter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningSnapshotTests {

	private static final FiscalQuarter Q4 = FiscalQuarter.containing(LocalDate.of(2026, 11, 1), Month.JANUARY);

	@Test
	void aFirstSnapshotFromWeekOneJudgesTheQuarter() {
		var judged = OpeningSnapshot.judge(Q4, Q4.start());
		assertThat(judged.counts()).isTrue();
		assertThat(judged.week()).isEqualTo(1);
		assertThat(judged.reason()).isNull();
	}

	@Test
	void aFirstSnapshotFromWeekTwoStillCounts() {
		assertThat(OpeningSnapshot.judge(Q4, Q4.weekStart(2)).counts()).isTrue();
	}

	@Test
	void aFirstSnapshotFromWeekNineIsTooLateAndSaysWhy() {
		var judged = OpeningSnapshot.judge(Q4, Q4.weekStart(9));
		assertThat(judged.counts()).isFalse();
		assertThat(judged.week()).isEqualTo(9);
		assertThat(judged.reason()).contains("taken in week 9", "too late", "week 1 or 2");
	}

}
