package com.trellis.plays;

import java.util.Arrays;
import java.util.List;

/**
 * Reads the play page's form into the API's command: verticals and capabilities are typed
 * as lists separated by commas, partner types ticked. Everything is checked with the
 * command, in one round.
 */
final class PlayForm {

	private PlayForm() {
	}

	static PlayCommand command(String title, String moment, String role, String buyer, String whyPartner,
			String whenToBring, String problem, List<String> partnerTypes, String verticals, String capabilities) {
		return new PlayCommand(title, moment, role, buyer, whyPartner, whenToBring, problem, partnerTypes,
				list(verticals), list(capabilities));
	}

	/** The text the form shows for a list it was given. */
	static String text(List<String> values) {
		return values == null ? "" : String.join(", ", values);
	}

	private static List<String> list(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
	}

}
