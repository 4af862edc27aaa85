package com.trellis.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The records the signals read for one partner, as the loader found them up to a cut-off.
 * Each signal still ignores anything after the cut-off it is asked about, so the same
 * records give the same reading whatever was loaded beyond it.
 *
 * @param partnerId the partner
 * @param onboardedOn the day the partner was onboarded, or null
 * @param declaredVerticals the verticals the partner says it works in
 * @param members the partner's users
 * @param activity activity events counted per business day and type
 * @param asks co-sell requests addressed to the partner
 * @param deals deals the partner is on, with their stage history
 * @param invitations the field attaching the partner to its own deals, unprompted
 * @param certifications certifications held by the partner's users
 */
record PartnerRecords(long partnerId, LocalDate onboardedOn, List<String> declaredVerticals, List<Member> members,
		List<DailyCount> activity, List<CoSellAsk> asks, List<DealTrack> deals, List<Invitation> invitations,
		List<Certification> certifications) {

	static PartnerRecords empty(long partnerId, LocalDate onboardedOn) {
		return new PartnerRecords(partnerId, onboardedOn, List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(), List.of());
	}

	/**
	 * A partner user: delivery staff are solutions engineers and customer success
	 * managers.
	 */
	record Member(long userId, String jobRole, Instant since) {

		boolean delivery() {
			return "SE".equals(this.jobRole) || "CSM".equals(this.jobRole);
		}

	}

	/** How many activity events of a type the partner had on a business day. */
	record DailyCount(LocalDate day, String type, int count) {
	}

	/** A co-sell request: asked at, answered at (null while open). */
	record CoSellAsk(Instant requestedAt, Instant answeredAt) {
	}

	/**
	 * A deal the partner is on: when it was created, the customer's industry, its stage
	 * path.
	 */
	record DealTrack(long opportunityId, Instant createdAt, String industry, List<StageStep> steps) {

		/**
		 * The stage the deal was in at the cut-off, or null when it did not exist yet.
		 */
		StageStep stepAt(AsOf asOf) {
			StageStep current = null;
			for (var step : this.steps) {
				if (asOf.knows(step.at()) && (current == null || !step.at().isBefore(current.at()))) {
					current = step;
				}
			}
			return asOf.knows(this.createdAt) ? current : null;
		}

	}

	/** The deal entered {@code stage} at {@code at}. */
	record StageStep(String stage, Instant at) {

		boolean open() {
			return !this.stage.startsWith("CLOSED");
		}

		boolean won() {
			return "CLOSED_WON".equals(this.stage);
		}

	}

	/** An account executive put the partner on their deal as influencer or co-seller. */
	record Invitation(long opportunityId, long aeId, Instant at) {
	}

	/**
	 * A certification a user completed, valid until {@code expiresOn} (null: no expiry).
	 */
	record Certification(long userId, LocalDate completedOn, LocalDate expiresOn) {

		boolean validOn(LocalDate day) {
			return !this.completedOn.isAfter(day) && (this.expiresOn == null || !this.expiresOn.isBefore(day));
		}

	}

}
