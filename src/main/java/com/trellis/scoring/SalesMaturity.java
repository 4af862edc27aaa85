package com.trellis.scoring;

import java.util.Map;
import java.util.Optional;

import com.trellis.maturity.MaturityAssessments;
import com.trellis.maturity.PartnerMaturity;

import org.springframework.stereotype.Component;

/**
 * Readiness from the partner's sales maturity assessment (§C19, the partner version): the
 * score (0–100) of the latest assessment answered by the partner or its PAM before the
 * cut-off, with its level and weak areas as the reason. Unknown without one, so a partner
 * never assessed is scored on its other readiness signals alone.
 */
final class SalesMaturity extends NamedSignal {

	/** Where a partner's latest maturity result as of a cut-off comes from. */
	interface Source {

		Optional<PartnerMaturity> latestAsOf(long partnerId, AsOf asOf);

		/**
		 * Every partner's latest result as of a cut-off, read at once; null when this
		 * source answers one partner at a time only.
		 */
		default Map<Long, PartnerMaturity> everyLatestAsOf(AsOf asOf) {
			return null;
		}

	}

	/** No assessments at all (rubric tests without the application). */
	static final Source NONE = (partnerId, asOf) -> Optional.empty();

	private final Source source;

	SalesMaturity(Source source) {
		super("sales-maturity", "Sales maturity (maturity assessment)", Pillar.READINESS,
				"Score of the partner's latest sales maturity assessment (ten weighted questions in five areas, "
						+ "answered by the partner or its PAM), placing it on five levels from Ad hoc to Ecosystem-led",
				"the partner's maturity assessments", "the latest answered before the cut-off", "points");
		this.source = source;
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		return this.source.latestAsOf(records.partnerId(), asOf)
			.map(m -> Reading.of(m.score(), reason(m)))
			.orElseGet(() -> Reading.unknown("no sales maturity assessment by " + asOf.day()));
	}

	private static String reason(PartnerMaturity maturity) {
		var text = "level " + maturity.level() + " — " + maturity.levelName() + ", " + maturity.score()
				+ " of 100 in the maturity assessment";
		return maturity.weakAreas().isEmpty() ? text : text + "; weak: " + String.join(", ", maturity.weakAreas());
	}

	/** Reads the maturity module's facade. */
	@Component
	static class FromMaturity implements Source {

		private final MaturityAssessments maturity;

		FromMaturity(MaturityAssessments maturity) {
			this.maturity = maturity;
		}

		@Override
		public Optional<PartnerMaturity> latestAsOf(long partnerId, AsOf asOf) {
			return this.maturity.latestOfPartner(partnerId, asOf.end());
		}

		@Override
		public Map<Long, PartnerMaturity> everyLatestAsOf(AsOf asOf) {
			return this.maturity.latestOfPartners(asOf.end());
		}

	}

}
