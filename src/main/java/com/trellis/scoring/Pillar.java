package com.trellis.scoring;

/** The three scores of a partner. */
public enum Pillar {

	/** Can the partner execute? */
	READINESS("Readiness"),
	/** Will it execute? */
	BEHAVIOUR("Behaviour"),
	/** Will the field invite it? */
	TRUST("Trust");

	private final String label;

	Pillar(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
