package com.trellis.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.trellis.maturity.PartnerMaturity;
import com.trellis.shared.StoredFigures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner's sales maturity assessment feeds its readiness score: the latest score
 * answered before the cut-off, with its level and weak areas as the reason; unknown
 * without one, when the other readiness signals score as they did before.
 */
class SalesMaturitySignalTests {

	private static final Instant ANSWERED = Instant.parse("2026-06-15T10:00:00Z");

	/** A partner that placed itself at level 3 (score 58) on 15 June. */
	private final SalesMaturity.Source source = (partnerId, asOf) -> asOf.knows(ANSWERED) ? Optional
		.of(new PartnerMaturity(partnerId, 11, 3, "Repeatable", 58, ANSWERED, List.of("Co-selling"), "score 58"))
			: Optional.empty();

	private final SalesMaturity signal = new SalesMaturity(this.source);

	@Test
	void readsTheScoreOfTheLatestAssessmentWithItsLevelAndWeakAreas() {
		var reading = this.signal.read(PartnerRecords.empty(7, LocalDate.of(2025, 1, 1)), asOf(2026, 6, 30));
		assertThat(reading.value()).isEqualByComparingTo("58");
		assertThat(StoredFigures.render(reading.reason(), Locale.US))
			.isEqualTo("level 3 — Repeatable, 58 of 100 in the maturity assessment; weak: Co-selling");
	}

	@Test
	void isUnknownBeforeTheFirstAssessment() {
		var reading = this.signal.read(PartnerRecords.empty(7, LocalDate.of(2025, 1, 1)), asOf(2026, 6, 14));
		assertThat(reading.known()).isFalse();
		assertThat(StoredFigures.render(reading.reason(), Locale.US))
			.isEqualTo("no sales maturity assessment by 2026-06-14");
	}

	@Test
	void itWeighsTwentyOfOneHundredReadinessPointsAndItsReasonExplainsTheScore() {
		var entries = Rubric.standard().of(Pillar.READINESS);
		assertThat(entries.stream()
			.filter(e -> e.signal().key().equals("sales-maturity"))
			.findFirst()
			.orElseThrow()
			.weight()).isEqualTo(20);
		var records = PartnerRecords.empty(7, LocalDate.of(2025, 1, 1));
		var asOf = asOf(2026, 6, 30);
		var readings = Map.of("certified-delivery-staff", Reading.of(3, "3 certified"), "vertical-specialisation",
				Reading.of(2, "2 verticals"), "self-assessment", Reading.of(100, "all"), "sales-maturity",
				this.signal.read(records, asOf));
		var withMaturity = ScoreRule.score(Pillar.READINESS,
				Rubric.standard(SelfAssessment.NONE, this.source).of(Pillar.READINESS), readings,
				LocalDate.of(2025, 1, 1), asOf.day());
		// full marks on 80 points, 58 % of the maturity's 20: 80 + 11.6
		assertThat(withMaturity.value()).isEqualByComparingTo("91.6");
		assertThat(withMaturity.parts()).anySatisfy(p -> {
			assertThat(p.entry().signal().key()).isEqualTo("sales-maturity");
			assertThat(StoredFigures.render(p.reading().reason(), Locale.US)).contains("level 3 — Repeatable");
		});
	}

	private static AsOf asOf(int year, int month, int day) {
		var date = LocalDate.of(year, month, day);
		return new AsOf(date, date.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
	}

}
