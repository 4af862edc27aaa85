package com.trellis.plays;

import java.util.List;

import com.trellis.deals.DealProfiles;
import com.trellis.deals.Deals;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plays recommended on a deal: those of the library that fit its partner's type,
 * verticals and capabilities, its customer's industry and its stage ({@link PlayFit}),
 * not used on it yet. Whoever sees the deal reads them (a partner user its own partner's
 * deals; 404 otherwise).
 */
@Service
public class PlayRecommendations {

	private final Deals deals;

	private final PlayRepository library;

	private final DealProfiles profiles;

	private final Partners partners;

	PlayRecommendations(Deals deals, PlayRepository library, DealProfiles profiles, Partners partners) {
		this.deals = deals;
		this.library = library;
		this.profiles = profiles;
		this.partners = partners;
	}

	@Transactional(readOnly = true)
	public List<RecommendedPlay> forDeal(Viewer viewer, long opportunityId) {
		var deal = this.deals.get(viewer, opportunityId);
		if (deal.partnerId() == null || deal.stage().isClosed()) {
			return List.of();
		}
		var partner = this.partners.get(viewer, deal.partnerId());
		var profile = this.profiles.of(opportunityId).orElseThrow();
		var used = this.library.usesOfDeal(opportunityId, null).stream().map(PlayUse::playId).toList();
		var fitted = new PlayFit.Deal(deal.stage(), profile.industry(), this.profiles.customerHasWon(opportunityId),
				partner.type(), partner.verticals(), partner.capabilities());
		return PlayFit.recommend(this.library.library(), fitted, used)
			.stream()
			.map(r -> new RecommendedPlay(r.play().id(), r.play().version(), r.play().title(), r.play().moment(),
					r.reason()))
			.toList();
	}

	/**
	 * The play as recommended on the deal now, with its reason; empty when it is not (it
	 * does not fit, or is used on the deal already).
	 */
	@Transactional(readOnly = true)
	java.util.Optional<RecommendedPlay> recommends(Viewer viewer, long opportunityId, long playId) {
		return forDeal(viewer, opportunityId).stream().filter(r -> r.playId() == playId).findFirst();
	}

}
