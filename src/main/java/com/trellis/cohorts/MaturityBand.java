package com.trellis.cohorts;

import java.math.BigDecimal;

/**
 * A partner's maturity band, read from its latest readiness score: below
 * {@value #DEVELOPING_FROM} foundational, below {@value #ESTABLISHED_FROM} developing,
 * otherwise established; unscored while readiness is unknown.
 */
enum MaturityBand {

	ESTABLISHED("Established"), DEVELOPING("Developing"), FOUNDATIONAL("Foundational"), UNSCORED("Unscored");

	static final int DEVELOPING_FROM = 40;

	static final int ESTABLISHED_FROM = 70;

	private final String label;

	MaturityBand(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	static MaturityBand of(BigDecimal readiness) {
		if (readiness == null) {
			return UNSCORED;
		}
		if (readiness.compareTo(BigDecimal.valueOf(ESTABLISHED_FROM)) >= 0) {
			return ESTABLISHED;
		}
		return readiness.compareTo(BigDecimal.valueOf(DEVELOPING_FROM)) >= 0 ? DEVELOPING : FOUNDATIONAL;
	}

}
