package com.trellis.partners;

public enum Tier {

	TIER_1_INVEST("Tier 1 · Invest"), TIER_2_EMERGING("Tier 2 · Emerging"), TIER_3_BASELINE("Tier 3 · Baseline");

	private final String label;

	Tier(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
