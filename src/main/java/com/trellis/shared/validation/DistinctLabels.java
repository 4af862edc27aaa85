package com.trellis.shared.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Lists of short labels a person types (a partner's or a play's verticals and
 * capabilities): {@code Retail} and {@code retail } are one label, kept once as first
 * written. Matching against them ignores case already; a list holding both only showed
 * the label twice.
 */
public final class DistinctLabels {

	private DistinctLabels() {
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
