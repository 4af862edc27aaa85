package com.trellis.metrics;

import java.util.Locale;
import java.time.Month;

import com.trellis.shared.FiscalQuarter;

/**
 * Which part of the program a KPI looks at. The partner side of every KPI is narrowed to
 * the slice's partners; direct-deal baselines always cover the whole program.
 *
 * @param kind program, a PAM's book, a tier, a partner type, a region, one partner, a
 * cohort (the cohorts module's, by id: its members at the period's as-of moment), an
 * onboarding quarter (partners onboarded in the same quarter), a vertical or a capability
 * @param value the PAM's, partner's or cohort's id, the tier, type or region, the fiscal
 * quarter (labelled by the business calendar: {@code 2026-Q1}, or {@code FY2027-Q1} when
 * the fiscal year does not start in January), the vertical or the capability; null for
 * the program
 * @param book when not null, the slice is further narrowed to this PAM's book (a PAM
 * looking at a cohort, vertical or capability sees only their own partners in it)
 */
public record Slice(Kind kind, String value, Long book, FiscalQuarter cohort) {

	public static final Slice PROGRAM = new Slice(Kind.PROGRAM, null);

	public Slice(Kind kind, String value) {
		this(kind, value, null, null);
	}

	public Slice(Kind kind, String value, Long book) {
		this(kind, value, book, null);
	}

	public Slice {
		if (kind == null) {
			kind = Kind.PROGRAM;
		}
		if (kind == Kind.PROGRAM && value != null && !value.isBlank()) {
			// never silently dropped: the caller meant some slice the program is not
			throw com.trellis.shared.InvalidInputException.of("sliceValue",
					"the program slice takes no value; choose the slice the value belongs to");
		}
		if (kind == Kind.PROGRAM) {
			value = null;
		}
		if (kind != Kind.PROGRAM && (value == null || value.isBlank())) {
			throw com.trellis.shared.InvalidInputException.of("sliceValue",
					"a " + kind.name().toLowerCase(Locale.ROOT) + " slice needs a value");
		}
		if ((kind == Kind.PAM || kind == Kind.PARTNER || kind == Kind.COHORT)
				&& !value.strip().matches("^\\d{1,18}$")) {
			throw com.trellis.shared.InvalidInputException.of("sliceValue",
					"a " + kind.name().toLowerCase(Locale.ROOT) + " slice needs the numeric id");
		}
		value = value == null ? null : value.strip();
	}

	/** The same slice narrowed to one PAM's book. */
	Slice inBook(long pamId) {
		return new Slice(this.kind, this.value, pamId, this.cohort);
	}

	/**
	 * An onboarding-quarter slice with its quarter read by the fiscal-year labelling rule
	 * (refused naming "sliceValue" when it names no quarter or is ambiguous); other
	 * slices as they are.
	 */
	Slice resolved(Month fiscalYearStart) {
		if (this.kind != Kind.ONBOARDING_QUARTER) {
			return this;
		}
		var quarter = FiscalQuarter.parse(this.value, fiscalYearStart, "sliceValue");
		return new Slice(this.kind, quarter.label(), this.book, quarter);
	}

	/**
	 * SQL over partner alias {@code p}, binding {@code :sliceValue}, {@code :sliceBook}
	 * and, for an onboarding quarter, {@code :cohortFrom} and {@code :cohortTo} (its
	 * quarter's days); a cohort's members are those at {@code :asOf}.
	 */
	String predicate() {
		return predicate(":asOf");
	}

	/**
	 * As {@link #predicate()}, a cohort's members being those at the moment {@code asOf}
	 * (SQL: a parameter, or a column of a statement that reads several periods at once).
	 */
	String predicate(String asOf) {
		var base = switch (this.kind) {
			case PROGRAM -> "TRUE";
			case PAM -> "p.owner_pam_id = CAST(:sliceValue AS BIGINT)";
			case TIER -> "p.tier = :sliceValue";
			case TYPE -> "p.type = :sliceValue";
			case REGION -> "p.region = :sliceValue";
			case PARTNER -> "p.id = CAST(:sliceValue AS BIGINT)";
			case COHORT -> """
					EXISTS (SELECT 1 FROM cohort_membership cm WHERE cm.partner_id = p.id
					        AND cm.cohort_id = CAST(:sliceValue AS BIGINT) AND cm.valid_from < %1$s
					        AND (cm.valid_to IS NULL OR cm.valid_to >= %1$s))""".formatted(asOf);
			case ONBOARDING_QUARTER -> "(p.onboarded_on >= :cohortFrom AND p.onboarded_on < :cohortTo)";
			case VERTICAL -> ":sliceValue = ANY (p.verticals)";
			case CAPABILITY -> ":sliceValue = ANY (p.capabilities)";
		};
		return this.book == null ? base : "(" + base + " AND p.owner_pam_id = CAST(:sliceBook AS BIGINT))";
	}

	public enum Kind {

		PROGRAM, PAM, TIER, TYPE, REGION, PARTNER, COHORT, ONBOARDING_QUARTER, VERTICAL, CAPABILITY

	}

}
