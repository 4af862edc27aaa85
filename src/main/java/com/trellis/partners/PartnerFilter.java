package com.trellis.partners;

/**
 * Search and sort options of the partner list.
 */
public record PartnerFilter(String q, PartnerType type, Tier tier, LifecycleStatus lifecycle, Long pamId, String sort,
		boolean descending) {

	public static PartnerFilter none() {
		return new PartnerFilter(null, null, null, null, null, "name", false);
	}

	String orderBy() {
		var column = switch (this.sort == null ? "name" : this.sort) {
			case "onboardedOn" -> "onboarded_on";
			case "tier" -> "tier";
			case "lifecycle" -> "lifecycle_status";
			case "region" -> "region";
			default -> "lower(name)";
		};
		return column + (this.descending ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", id";
	}

}
