package com.trellis.metrics;

import java.util.Locale;
import java.util.function.LongPredicate;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;

/**
 * Who may look at which slice of the KPIs, decided on the slice as it was asked for (its
 * text, before it is read or validated), so a caller learns nothing from validation
 * errors about slices that are not theirs. A partner user sees the program slice (read as
 * its own partner) or its own partner; a PAM their book, partners in it, and cohorts,
 * verticals and capabilities (narrowed to the book), never a tier, type or region; other
 * vendor staff any slice. A value that is missing or not a number is left to validation,
 * which names {@code sliceValue}.
 */
final class SliceAccess {

	private SliceAccess() {
	}

	/**
	 * Why the viewer may not look at the slice, or null when they may.
	 * @param kind the slice kind as asked (null or blank: the program)
	 * @param value the slice value as asked
	 * @param managed whether the viewer (a PAM) manages the partner with an id
	 */
	static String refusal(Viewer viewer, String kind, String value, LongPredicate managed) {
		var asked = kind == null || kind.isBlank() ? "PROGRAM" : kind.strip().toUpperCase(Locale.ROOT);
		var id = id(value);
		if (viewer.isPartnerUser()) {
			boolean own = asked.equals("PROGRAM")
					|| asked.equals("PARTNER") && (id == null || id.equals(viewer.partnerId()));
			return own ? null : "A partner user sees only their own partner's figures";
		}
		if (!viewer.is(Role.PAM)) {
			return null;
		}
		return switch (asked) {
			case "PAM" -> id == null || id == viewer.userId() ? null : "A PAM sees the figures of their own book";
			case "PARTNER" ->
				id == null || managed.test(id) ? null : "A PAM sees the figures of partners in their book";
			case "TIER", "TYPE", "REGION" ->
				"A PAM sees the figures of their own book, its partners, or its cohorts, verticals and capabilities";
			default -> null;
		};
	}

	/**
	 * The kinds of slice the viewer may pick in a breakdown picker: those
	 * {@link #refusal} does not refuse whatever the value (a PAM is offered no tier, type
	 * or region).
	 */
	static java.util.List<Slice.Kind> kinds(Viewer viewer) {
		return java.util.Arrays.stream(Slice.Kind.values())
			.filter(kind -> refusal(viewer, kind.name(), null, id -> true) == null)
			.toList();
	}

	private static Long id(String value) {
		return value != null && value.strip().matches("^\\d{1,18}$") ? Long.valueOf(value.strip()) : null;
	}

}
