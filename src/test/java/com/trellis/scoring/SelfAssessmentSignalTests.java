package com.trellis.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import com.trellis.readiness.ValidatedAssessment;
import com.trellis.shared.StoredFigures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SelfAssessmentSignalTests {

	private static final Instant ACCEPTED = Instant.parse("2026-06-15T10:00:00Z");

	/** A partner whose PAM accepted version 2 (62 points) on 15 June. */
	private final SelfAssessment signal = new SelfAssessment((partnerId, asOf) -> asOf.knows(ACCEPTED)
			? Optional.of(new ValidatedAssessment(partnerId, 2, ACCEPTED, 62, "version 2: ICP defined (15); …"))
			: Optional.empty());

	@Test
	void readsThePointsOfTheVersionThePamAcceptedByTheCutOff() {
		var reading = this.signal.read(PartnerRecords.empty(7, LocalDate.of(2025, 1, 1)), asOf(2026, 6, 30));
		assertThat(reading.value()).isEqualByComparingTo("62");
		assertThat(StoredFigures.render(reading.reason(), Locale.US)).startsWith("version 2");
	}

	@Test
	void isUnknownBeforeThePamAcceptedAnyVersionSoRecordsAloneCount() {
		var reading = this.signal.read(PartnerRecords.empty(7, LocalDate.of(2025, 1, 1)), asOf(2026, 6, 14));
		assertThat(reading.known()).isFalse();
		assertThat(StoredFigures.render(reading.reason(), Locale.US))
			.isEqualTo("no self-assessment accepted by its PAM by 2026-06-14");
	}

	@Test
	void theStandardRubricWeighsItTwentyFourOfOneHundredReadinessPoints() {
		var entry = Rubric.standard()
			.of(Pillar.READINESS)
			.stream()
			.filter(e -> e.signal().key().equals("self-assessment"))
			.findFirst()
			.orElseThrow();
		assertThat(entry.weight()).isEqualTo(24);
	}

	private static AsOf asOf(int year, int month, int day) {
		var date = LocalDate.of(year, month, day);
		return new AsOf(date, date.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
	}

}
