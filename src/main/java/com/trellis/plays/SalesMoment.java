package com.trellis.plays;

/** The moment of a sale a play is written for. */
public enum SalesMoment {

	PROSPECTING("Prospecting"), DISCOVERY("Discovery"), OBJECTION("Objection handling"), EXPANSION("Expansion");

	private final String label;

	SalesMoment(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
