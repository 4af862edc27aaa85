package com.trellis.plays;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.trellis.deals.Stage;
import com.trellis.partners.PartnerType;

/**
 * Which plays fit a deal and its partner, and why. A play fits when all of these hold:
 * <ul>
 * <li>it is written for the partner's type;</li>
 * <li>its verticals are empty (any) or one of them is the customer's industry or one of
 * the partner's verticals;</li>
 * <li>its capabilities are empty (any) or one of them is one of the partner's;</li>
 * <li>its sales moment is the deal's: prospecting at Registered, discovery at Qualified,
 * objection handling at Joint working and Commit, and expansion on any open deal of a
 * customer that has bought from us before.</li>
 * </ul>
 * Plays that name a vertical or capability the deal has come before plays for any; then
 * by title. A deal without a partner or a closed deal gets none.
 */
final class PlayFit {

	private PlayFit() {
	}

	/** The fitting plays not used on the deal yet, best first, each with its reason. */
	static List<Recommended> recommend(Collection<PlayView> library, Deal deal, Collection<Long> used) {
		var fits = new ArrayList<Recommended>();
		for (var play : library) {
			if (!used.contains(play.id())) {
				of(play, deal).ifPresent(fits::add);
			}
		}
		fits.sort(Comparator.comparingInt(Recommended::specific)
			.reversed()
			.thenComparing(r -> r.play().title().toLowerCase())
			.thenComparingLong(r -> r.play().id()));
		return fits;
	}

	/** The play's fit to the deal with its reason, or empty when it does not fit. */
	static Optional<Recommended> of(PlayView play, Deal deal) {
		if (deal.partnerType() == null || deal.stage().isClosed()
				|| !play.partnerTypes().contains(deal.partnerType())) {
			return Optional.empty();
		}
		var moment = momentFits(play.moment(), deal);
		if (moment == null) {
			return Optional.empty();
		}
		var reasons = new ArrayList<String>();
		reasons.add("for " + deal.partnerType().label().toLowerCase() + " partners");
		int specific = 0;
		if (!play.verticals().isEmpty()) {
			var industry = find(play.verticals(), List.of(deal.industry() == null ? "" : deal.industry()));
			var vertical = industry != null ? null : find(play.verticals(), deal.partnerVerticals());
			if (industry == null && vertical == null) {
				return Optional.empty();
			}
			reasons.add(industry != null ? "vertical " + industry + " (the customer's industry)"
					: "vertical " + vertical + " (the partner's)");
			specific++;
		}
		if (!play.capabilities().isEmpty()) {
			var capability = find(play.capabilities(), deal.partnerCapabilities());
			if (capability == null) {
				return Optional.empty();
			}
			reasons.add("capability " + capability + " (the partner's)");
			specific++;
		}
		reasons.add(moment);
		return Optional.of(new Recommended(play, specific, String.join("; ", reasons)));
	}

	private static String momentFits(SalesMoment moment, Deal deal) {
		if (moment == SalesMoment.EXPANSION) {
			return deal.existingCustomer() ? "expansion: the customer has bought from us before" : null;
		}
		var stageMoment = switch (deal.stage()) {
			case REGISTERED -> SalesMoment.PROSPECTING;
			case QUALIFIED -> SalesMoment.DISCOVERY;
			default -> SalesMoment.OBJECTION;
		};
		return moment == stageMoment
				? "the " + moment.label().toLowerCase() + " moment of a deal at " + deal.stage().label() : null;
	}

	private static String find(List<String> wanted, List<String> have) {
		for (var w : wanted) {
			for (var h : have) {
				if (h != null && w.strip().equalsIgnoreCase(h.strip())) {
					return w.strip();
				}
			}
		}
		return null;
	}

	/** What a play is fitted to: the deal's stage and customer, and its partner. */
	record Deal(Stage stage, String industry, boolean existingCustomer, PartnerType partnerType,
			List<String> partnerVerticals, List<String> partnerCapabilities) {
	}

	/**
	 * A play recommended for a deal, with the number of specific matches and the reason.
	 */
	record Recommended(PlayView play, int specific, String reason) {
	}

}
