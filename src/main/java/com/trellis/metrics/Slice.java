package com.trellis.metrics;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which part of the program a KPI looks at. The partner side of every KPI is narrowed to
 * the slice's partners; direct-deal baselines always cover the whole program.
 *
 * @param kind program, a PAM's book, a tier, a partner type, a region, one partner, an
 * onboarding cohort (partners onboarded in the same quarter), a vertical or a capability
 * @param value the PAM's or partner's id, the tier, type or region, the quarter (such as
 * {@code 2026-Q1}), the vertical or the capability; null for the program
 * @param book when not null, the slice is further narrowed to this PAM's book (a PAM
 * looking at a cohort, vertical or capability sees only their own partners in it)
 */
public record Slice(Kind kind, String value, Long book) {

	public static final Slice PROGRAM = new Slice(Kind.PROGRAM, null);

	private static final Pattern QUARTER = Pattern.compile("^\\d{4}-Q[1-4]$");

	public Slice(Kind kind, String value) {
		this(kind, value, null);
	}

	public Slice {
		if (kind == null) {
			kind = Kind.PROGRAM;
		}
		if (kind != Kind.PROGRAM && (value == null || value.isBlank())) {
			throw com.trellis.shared.InvalidInputException.of("sliceValue",
					"a " + kind.name().toLowerCase(Locale.ROOT) + " slice needs a value");
		}
		if (kind == Kind.COHORT && !QUARTER.matcher(value.strip()).matches()) {
			throw com.trellis.shared.InvalidInputException.of("sliceValue",
					"a cohort is the quarter its partners were onboarded in, such as 2026-Q1");
		}
		if ((kind == Kind.PAM || kind == Kind.PARTNER) && !value.strip().matches("^\\d{1,18}$")) {
			throw com.trellis.shared.InvalidInputException.of("sliceValue",
					"a " + kind.name().toLowerCase(Locale.ROOT) + " slice needs the numeric id");
		}
		value = value == null ? null : value.strip();
	}

	/** The same slice narrowed to one PAM's book. */
	Slice inBook(long pamId) {
		return new Slice(this.kind, this.value, pamId);
	}

	/**
	 * SQL over partner alias {@code p}, binding {@code :sliceValue} and
	 * {@code :sliceBook}.
	 */
	String predicate() {
		var base = switch (this.kind) {
			case PROGRAM -> "TRUE";
			case PAM -> "p.owner_pam_id = CAST(:sliceValue AS BIGINT)";
			case TIER -> "p.tier = :sliceValue";
			case TYPE -> "p.type = :sliceValue";
			case REGION -> "p.region = :sliceValue";
			case PARTNER -> "p.id = CAST(:sliceValue AS BIGINT)";
			case COHORT -> "to_char(p.onboarded_on, 'YYYY-\"Q\"Q') = :sliceValue";
			case VERTICAL -> ":sliceValue = ANY (p.verticals)";
			case CAPABILITY -> ":sliceValue = ANY (p.capabilities)";
		};
		return this.book == null ? base : "(" + base + " AND p.owner_pam_id = CAST(:sliceBook AS BIGINT))";
	}

	public enum Kind {

		PROGRAM, PAM, TIER, TYPE, REGION, PARTNER, COHORT, VERTICAL, CAPABILITY

	}

}
