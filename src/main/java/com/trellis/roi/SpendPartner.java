package com.trellis.roi;

import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerFilter;
import com.trellis.partners.Partners;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;

/**
 * The partner of a spend form: the one picked from the list by id, or the one partner
 * whose name was typed into the search box (a program too large to list its partners).
 */
final class SpendPartner {

	private SpendPartner() {
	}

	/**
	 * The command with the partner named in the box, when none was picked; a name that
	 * fits no partner, or several, is refused naming partnerId.
	 */
	static SpendCommand named(Partners partners, Viewer viewer, SpendCommand command, String partnerName) {
		if (command == null || command.partnerId() != null || partnerName == null || partnerName.isBlank()) {
			return command;
		}
		var name = partnerName.strip();
		if (name.length() > 200) {
			throw InvalidInputException.of("partnerId", "is longer than 200 characters");
		}
		var named = partners
			.search(viewer, new PartnerFilter(name, null, null, null, null, "name", false), new PageRequest(0, 20))
			.items()
			.stream()
			.filter(p -> p.name().strip().equalsIgnoreCase(name))
			.toList();
		if (named.size() != 1) {
			throw InvalidInputException.of("partnerId",
					named.isEmpty() ? "no partner is named “" + name + "”; pick one of the suggestions"
							: "several partners are named “" + name + "”; record it on the API with the partner's id");
		}
		return new SpendCommand(named.get(0).id(), command.spentOn(), command.amount(), command.currency(),
				command.purpose());
	}

}
