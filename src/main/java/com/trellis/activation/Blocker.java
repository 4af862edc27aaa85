package com.trellis.activation;

public enum Blocker {

	ICP_UNCLEAR("ICP unclear"), ENABLEMENT_INCOMPLETE("Enablement incomplete"),
	NO_INCENTIVE("No incentive or path to win"), GTM_MISALIGNMENT("Go-to-market misalignment"),
	REGISTRATION_FRICTION("Registration friction");

	private final String label;

	Blocker(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
