package com.trellis.shared.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Lists of short labels a person types (a partner's or a play's verticals and
 * capabilities): {@code Retail} and {@code retail } are one label, stored once as first
 * written. The command keeps the list as sent, so that a bad item is named at the index
 * the client sent; the repository stores {@link #of} it. Matching against them ignores
 * case already; a list holding both only showed the label twice.
 */
public final class DistinctLabels {

	private DistinctLabels() {
	}

	/**
	 * {@code labels} as given, null items too (for the field's check to name at the index
	 * sent); an empty list for null. A command keeps this; {@link #of} is what is stored.
	 */
	public static List<String> copy(List<String> labels) {
		return labels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(labels));
	}

	/**
	 * {@code labels} in their order without any that repeats an earlier one ignoring case
	 * and surrounding spaces; an empty list for null. A null or blank label is kept where
	 * it is, for the field's check to name.
	 */
	public static List<String> of(List<String> labels) {
		if (labels == null) {
			return List.of();
		}
		var seen = new HashSet<String>();
		var kept = new ArrayList<String>(labels.size());
		for (var label : labels) {
			if (label == null || label.isBlank() || seen.add(label.strip().toLowerCase(Locale.ROOT))) {
				kept.add(label);
			}
		}
		return Collections.unmodifiableList(kept);
	}

}
