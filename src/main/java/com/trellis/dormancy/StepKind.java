package com.trellis.dormancy;

/**
 * The steps of a re-engagement sequence, in the order they are run, a week apart.
 */
public enum StepKind {

	WIN_THEME("Promote a win theme that fits the partner"), REFRESHER_TRAINING("Offer refresher training"),
	NET_NEW_LEAD("Hand over a net-new lead"), EXECUTIVE_ALIGNMENT("Executive alignment call"),
	RECOGNITION("Recognise the partner's past work");

	private final String label;

	StepKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
