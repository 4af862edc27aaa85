package com.trellis.deals;

public enum CreditType {

	SOURCED("Sourced"), INFLUENCED("Influenced"), CO_SELL("Co-sell");

	private final String label;

	CreditType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
