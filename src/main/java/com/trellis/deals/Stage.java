package com.trellis.deals;

/**
 * The default partner sales process stages.
 */
public enum Stage {

	REGISTERED("Registered"), QUALIFIED("Qualified"), JOINT_WORKING("Joint working"), COMMIT("Commit"),
	CLOSED_WON("Closed won"), CLOSED_LOST("Closed lost");

	private final String label;

	Stage(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean isClosed() {
		return this == CLOSED_WON || this == CLOSED_LOST;
	}

}
