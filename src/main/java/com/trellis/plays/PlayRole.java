package com.trellis.plays;

/** The seller a play is written for. */
public enum PlayRole {

	AE("Account executive"), SE("Solutions engineer"), CSM("Customer success manager"), PAM("Partner account manager");

	private final String label;

	PlayRole(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
