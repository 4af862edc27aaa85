package com.trellis.partners;

/**
 * Search and sort options of the partner list. {@code sort} is one of {@link #SORTS}
 * (null means name); any other value is refused naming "sort", never read as name.
 */
public record PartnerFilter(String q, PartnerType type, Tier tier, LifecycleStatus lifecycle, Long pamId, String sort,
		boolean descending) {

	/** The columns the list sorts by. */
	public static final java.util.List<String> SORTS = java.util.List.of("name", "onboardedOn", "tier", "lifecycle",
			"region");

	public PartnerFilter {
		if (sort != null && !SORTS.contains(sort)) {
			throw com.trellis.shared.InvalidInputException.of("sort", "must be one of " + String.join(", ", SORTS));
		}
	}

	public static PartnerFilter none() {
		return new PartnerFilter(null, null, null, null, null, "name", false);
	}

	String orderBy() {
		var column = switch (this.sort == null ? "name" : this.sort) {
			case "onboardedOn" -> "onboarded_on";
			case "tier" -> "tier";
			case "lifecycle" -> "lifecycle_status";
			case "region" -> "region";
			default -> "lower(name)"; // name
		};
		return column + (this.descending ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", id";
	}

}
