package com.trellis.enablement;

import java.time.LocalDate;

/**
 * One course or certification of a track, as far as one user got with it.
 */
public record ItemProgress(String code, String kind, String name, boolean required, LocalDate completedOn,
		LocalDate expiresOn, boolean current, Boolean applied) {
}
