package com.trellis.guidance;

import java.util.ArrayList;
import java.util.List;

import com.trellis.deals.DealFilter;
import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.fit.PartnerFits;
import com.trellis.identity.Viewer;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Reads what the partner-fit rule needs through the {@code deals} and {@code fit}
 * facades, as the deal's owner sees it: their open early and mid-stage deals without a
 * partner (those closing soonest first, at most {@value #DEALS_PER_STAGE} per stage) and
 * each deal's fit list, exactly as the deal page's fit panel shows it to them.
 */
@Component
class FitReads {

	/** Deals read per stage and owner; the fit of each is one ranking. */
	static final int DEALS_PER_STAGE = 5;

	private final Deals deals;

	private final PartnerFits fits;

	FitReads(Deals deals, PartnerFits fits) {
		this.deals = deals;
		this.fits = fits;
	}

	/** The owner's partner-fit advice, at most {@code limit}. */
	List<Advice> partnerFits(Viewer owner, int limit) {
		var advice = new ArrayList<Advice>();
		for (var stage : List.of(Stage.REGISTERED, Stage.QUALIFIED, Stage.JOINT_WORKING)) {
			var open = this.deals
				.search(owner, new DealFilter(null, stage, true, owner.userId(), null, null, false),
						PageRequest.of(0, DEALS_PER_STAGE))
				.items();
			for (var deal : open) {
				if (advice.size() >= limit) {
					return advice;
				}
				try {
					FitRules.partnerFit(deal, this.fits.forDeal(owner, deal.id())).ifPresent(advice::add);
				}
				catch (NotFoundException | AccessDeniedException ex) {
					// the deal went away or out of reach meanwhile: nothing to recommend
				}
			}
		}
		return advice;
	}

}
