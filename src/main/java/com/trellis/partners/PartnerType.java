package com.trellis.partners;

public enum PartnerType {

	SI("System integrator"), RESELLER("Reseller"), ISV("Software vendor"), REFERRAL("Referral"), ADVISORY("Advisory");

	private final String label;

	PartnerType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
