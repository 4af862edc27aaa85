package com.trellis.leads;

/**
 * Where a lead is: waiting for the PAM to pick a rep, with a rep, accepted or declined.
 */
public enum LeadStatus {

	SUBMITTED("Awaiting routing"), ROUTED("With the rep"), ACCEPTED("Accepted"), DECLINED("Declined");

	private final String label;

	LeadStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
