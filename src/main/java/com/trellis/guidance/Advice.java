package com.trellis.guidance;

/**
 * What a rule recommends: the kind, the record it is about ({@code subject}, unique per
 * person and kind, so a dismissed one does not come back), the partner concerned (null
 * for a deal without partner), the reason shown with it and the one action to take.
 */
record Advice(Kind kind, String subject, Long partnerId, String title, String reason, String actionLabel,
		String actionLink) {
}
