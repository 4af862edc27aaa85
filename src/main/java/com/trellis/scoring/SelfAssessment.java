package com.trellis.scoring;

import java.util.Map;
import java.util.Optional;

import com.trellis.readiness.ReadinessAssessments;
import com.trellis.readiness.ValidatedAssessment;

import org.springframework.stereotype.Component;

/**
 * Readiness from the partner's self-assessment: the points (0–100) of the version its PAM
 * had accepted by the cut-off, counting only proof deals won, material uploaded and
 * ratings given before it (the readiness module's {@code AssessmentRating}). Unknown
 * without an accepted version, so a partner that never filled one in is scored on its
 * records alone.
 */
final class SelfAssessment extends NamedSignal {

	/** Where the validated assessment as of a cut-off comes from. */
	interface Source {

		Optional<ValidatedAssessment> validatedAsOf(long partnerId, AsOf asOf);

		/**
		 * Every partner's validated assessment as of a cut-off, read at once; null when
		 * this source answers one partner at a time only.
		 */
		default Map<Long, ValidatedAssessment> everyValidatedAsOf(AsOf asOf) {
			return null;
		}

	}

	/** No assessments at all (rubric tests without the application). */
	static final Source NONE = (partnerId, asOf) -> Optional.empty();

	private final Source source;

	SelfAssessment(Source source) {
		super("self-assessment", "Self-assessment (validated by the PAM)", Pillar.READINESS,
				"Points of the partner's readiness self-assessment in the version its PAM accepted last: ICP, "
						+ "use cases proven by wins, sales-process maturity, packaged offers, PAM-rated material, "
						+ "specialisation backed by wins, delivery staff",
				"the readiness self-assessment, its items and materials, won deals",
				"the version accepted last before the cut-off", "points");
		this.source = source;
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		return this.source.validatedAsOf(records.partnerId(), asOf)
			.map(a -> Reading.of(a.points(), a.reason()))
			.orElseGet(() -> Reading.unknown("no self-assessment accepted by its PAM by " + asOf.day()));
	}

	/** Reads the readiness module's facade. */
	@Component
	static class FromReadiness implements Source {

		private final ReadinessAssessments readiness;

		FromReadiness(ReadinessAssessments readiness) {
			this.readiness = readiness;
		}

		@Override
		public Optional<ValidatedAssessment> validatedAsOf(long partnerId, AsOf asOf) {
			return this.readiness.validatedAsOf(partnerId, asOf.end());
		}

		@Override
		public Map<Long, ValidatedAssessment> everyValidatedAsOf(AsOf asOf) {
			return this.readiness.validatedAsOf(asOf.end());
		}

	}

}
