package com.trellis.registration;

/**
 * A candidate a registration collided with, with the reason of the match; for the PAM
 * only.
 */
public record ConflictView(String candidateKind, long candidateId, Long partnerId, String matchKind, double score,
		String reason) {
}
