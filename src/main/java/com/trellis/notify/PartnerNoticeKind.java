package com.trellis.notify;

/**
 * The kinds of notice a partner's users hear of; each partner user chooses per kind
 * whether it also comes to them by e-mail and by Slack. A notice's code
 * ({@link PartnerNotice#kind()}, such as {@code REGISTRATION_APPROVED}) falls under one
 * kind ({@link #of(String)}).
 */
public enum PartnerNoticeKind {

	/** A registration was approved, rejected, held, released, extended or lost. */
	REGISTRATION,
	/** A lead the partner submitted was accepted or declined. */
	LEAD,
	/** A deal the partner is on was won, lost, disqualified or reopened. */
	DEAL,
	/** A credit dispute the partner raised was decided. */
	CREDIT_DISPUTE,
	/** An incentive was earned or reversed. */
	EARNING,
	/** A payout run paid the partner. */
	PAYOUT,
	/** A milestone of the activation plan (a first win, an overdue milestone). */
	ACTIVATION,
	/** The partner's tier changed. */
	TIER,
	/** The weekly digest of the user's own recommendations ({@link Digests}). */
	GUIDANCE_DIGEST,
	/** Any notice whose code names none of the kinds above. */
	OTHER;

	/** The kind a notice code falls under; {@link #OTHER} for a code none names. */
	public static PartnerNoticeKind of(String code) {
		if (code == null) {
			return OTHER;
		}
		if (code.startsWith("REGISTRATION_")) {
			return REGISTRATION;
		}
		if (code.startsWith("LEAD_")) {
			return LEAD;
		}
		if (code.startsWith("DEAL_")) {
			return DEAL;
		}
		if (code.startsWith("CREDIT_DISPUTE")) {
			return CREDIT_DISPUTE;
		}
		return switch (code) {
			case "EARNING" -> EARNING;
			case "PAYOUT" -> PAYOUT;
			case "FIRST_WIN", "MILESTONE_OVERDUE" -> ACTIVATION;
			case "TIER_CHANGED" -> TIER;
			case "GUIDANCE_DIGEST" -> GUIDANCE_DIGEST;
			default -> OTHER;
		};
	}

}
