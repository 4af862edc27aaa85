package com.trellis.metrics;

import java.util.Locale;

/**
 * Which part of the program a KPI looks at. The partner side of every KPI is narrowed to
 * the slice's partners; direct-deal baselines always cover the whole program.
 *
 * @param kind program, a PAM's book, a tier, a partner type, a region, or one partner
 * @param value the PAM's or partner's id, the tier, type or region; null for the program
 */
public record Slice(Kind kind, String value) {

	public static final Slice PROGRAM = new Slice(Kind.PROGRAM, null);

	public Slice {
		if (kind == null) {
			kind = Kind.PROGRAM;
		}
		if (kind != Kind.PROGRAM && (value == null || value.isBlank())) {
			throw com.trellis.shared.InvalidInputException.of("sliceValue",
					"a " + kind.name().toLowerCase(Locale.ROOT) + " slice needs a value");
		}
	}

	/** SQL over partner alias {@code p}, binding {@code :sliceValue}. */
	String predicate() {
		return switch (this.kind) {
			case PROGRAM -> "TRUE";
			case PAM -> "p.owner_pam_id = CAST(:sliceValue AS BIGINT)";
			case TIER -> "p.tier = :sliceValue";
			case TYPE -> "p.type = :sliceValue";
			case REGION -> "p.region = :sliceValue";
			case PARTNER -> "p.id = CAST(:sliceValue AS BIGINT)";
		};
	}

	public enum Kind {

		PROGRAM, PAM, TIER, TYPE, REGION, PARTNER

	}

}
