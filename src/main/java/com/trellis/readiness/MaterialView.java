package com.trellis.readiness;

import java.time.Instant;

/**
 * A go-to-market file the partner uploaded, with the PAM's rating (1–5, null until
 * rated).
 */
public record MaterialView(long id, String fileName, String contentType, int sizeBytes, Instant uploadedAt,
		Integer rating) {
}
