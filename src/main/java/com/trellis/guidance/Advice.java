package com.trellis.guidance;

/**
 * What a rule recommends: the kind, the record it is about ({@code subject}, unique per
 * person and kind, so a dismissed one does not come back), the partner concerned (null
 * for a deal without partner), the reason shown with it and the one action to take; a
 * stalling partner's advice also names the intervention chosen (else null), a partner fit
 * the deal whose outcome it looks for (else null).
 */
record Advice(Kind kind, String subject, Long partnerId, String title, String reason, String actionLabel,
		String actionLink, Intervention intervention, Long opportunityId) {

	Advice(Kind kind, String subject, Long partnerId, String title, String reason, String actionLabel,
			String actionLink, Intervention intervention) {
		this(kind, subject, partnerId, title, reason, actionLabel, actionLink, intervention, null);
	}

	Advice(Kind kind, String subject, Long partnerId, String title, String reason, String actionLabel,
			String actionLink) {
		this(kind, subject, partnerId, title, reason, actionLabel, actionLink, null, null);
	}

	/**
	 * The outcome it aims at: the intervention's, else the kind's; null without a partner
	 * or for a kind that tracks none.
	 */
	Outcome outcome() {
		if (this.partnerId == null || this.kind.outcomeDays() == 0) {
			return null;
		}
		return this.intervention != null ? this.intervention.outcome() : this.kind.outcome();
	}

}
