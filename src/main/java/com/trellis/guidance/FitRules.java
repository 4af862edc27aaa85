package com.trellis.guidance;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.trellis.deals.OpportunityView;
import com.trellis.deals.Stage;
import com.trellis.fit.FitList;
import com.trellis.shared.StoredFigures;

/**
 * The AE's partner fit as a recommendation: on an open deal in an early or middle stage
 * (registered, qualified, joint working) that has no partner yet, the partner ranked
 * first by {@code fit} for it, with the similar won deals as the reason. The reason says
 * only what the deal's fit panel shows its owner: the partner's own similar won deals the
 * owner may open (at most three, the others counted) and the fit's reason; never another
 * partner's deals and no partner's account list. One recommendation per deal (a dismissed
 * one is not raised again for another partner).
 */
final class FitRules {

	/** The stages in which a deal is still early enough to bring a partner in. */
	static final Set<Stage> EARLY_OR_MID = Set.of(Stage.REGISTERED, Stage.QUALIFIED, Stage.JOINT_WORKING);

	private FitRules() {
	}

	static Optional<Advice> partnerFit(OpportunityView deal, FitList fits) {
		if (deal.partnerId() != null || !EARLY_OR_MID.contains(deal.stage()) || fits == null) {
			return Optional.empty();
		}
		var best = fits.partners().stream().filter(p -> !p.onDeal()).findFirst();
		if (best.isEmpty()) {
			return Optional.empty();
		}
		var partner = best.get();
		var named = partner.named()
			.stream()
			.map(d -> StoredFigures.text(d.name()) + " (" + StoredFigures.text(String.join(", ", d.alike())) + ")")
			.collect(Collectors.joining("; "));
		var evidence = new StringBuilder();
		evidence.append(StoredFigures.text(partner.partnerName()))
			.append(" won ")
			.append(partner.similarWon())
			.append(partner.similarWon() == 1 ? " deal" : " deals")
			.append(" with customers like ")
			.append(StoredFigures.text(deal.name()))
			.append("'s in the last ")
			.append(fits.windowDays())
			.append(" days");
		if (!named.isEmpty()) {
			evidence.append(": ").append(named);
		}
		if (partner.unnamed() > 0) {
			evidence.append("; and ").append(partner.unnamed()).append(" more not named here");
		}
		evidence.append(". ").append(capitalised(partner.reason())).append('.');
		return Optional.of(new Advice(Kind.PARTNER_FIT, "deal:" + deal.id(), partner.partnerId(),
				"Bring " + StoredFigures.text(partner.partnerName()) + " into " + StoredFigures.text(deal.name()),
				evidence.toString(), "Attach the partner or ask for help",
				"/opportunities/" + deal.id() + "#partner-fit", null, deal.id()));
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
