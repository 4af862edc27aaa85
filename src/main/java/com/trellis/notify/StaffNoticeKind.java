package com.trellis.notify;

/**
 * The kinds of work that reach vendor staff; each user chooses per kind whether it also
 * comes by e-mail and by Slack.
 */
public enum StaffNoticeKind {

	/** A partner registered a deal; its PAM decides. */
	REGISTRATION_SUBMITTED,
	/** A partner's lead matched no account owner; its PAM routes it. */
	LEAD_TO_ROUTE,
	/** A lead was routed to a rep, who follows up by a deadline. */
	LEAD_ROUTED,
	/** A deal's credit is disputed; the PAM decides, the rep's manager hears of it. */
	CREDIT_DISPUTE,
	/** A partner asked for market development funds; its PAM decides. */
	MDF_REQUEST,
	/**
	 * A partner's score started building or stalling (8-week slope); its PAM hears of it.
	 */
	SCORE_DRIFT,
	/** A rep's sales manager prompted them to bring a partner into a deal. */
	PARTNER_PROMPT,
	/**
	 * The weekly digest of the user's recommendations ({@link Digests}); sent by the
	 * guidance module, not as a staff notice.
	 */
	GUIDANCE_DIGEST

}
