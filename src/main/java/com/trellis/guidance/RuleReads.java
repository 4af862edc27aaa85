package com.trellis.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.trellis.accounts.Accounts;
import com.trellis.deals.DealFilter;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityView;
import com.trellis.deals.Stage;
import com.trellis.identity.Viewer;
import com.trellis.readiness.ReadinessAssessments;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Reads what the ICP-mismatch and proof-point rules need through the owning modules'
 * facades, as the person may see it: their early-stage deals with their customers'
 * profiles, and a partner's latest readiness assessment with its won deals.
 */
@Component
class RuleReads {

	/** Early-stage deals read per stage and person. */
	static final int EARLY_DEALS = 50;

	private final Deals deals;

	private final Accounts accounts;

	private final ReadinessAssessments readiness;

	RuleReads(Deals deals, Accounts accounts, ReadinessAssessments readiness) {
		this.deals = deals;
		this.accounts = accounts;
		this.readiness = readiness;
	}

	/**
	 * The person's open early-stage deals (their own when {@code ownerId} is given, else
	 * all they may see) whose customer lies outside the ICP (the run reads it once,
	 * {@link ProgramIcp#current}); at most {@code limit}.
	 */
	List<Advice> icpMismatches(Viewer viewer, Icp icp, Long ownerId, int limit) {
		if (!icp.defined()) {
			return List.of();
		}
		var early = new ArrayList<OpportunityView>();
		for (var stage : List.of(Stage.REGISTERED, Stage.QUALIFIED)) {
			early.addAll(
					this.deals
						.search(viewer, new DealFilter(null, stage, true, ownerId, null, null, null),
								PageRequest.of(0, EARLY_DEALS))
						.items());
		}
		var profiles = this.accounts.profiles(early.stream().map(OpportunityView::accountId).distinct().toList());
		return early.stream()
			.map(deal -> IcpRules.mismatch(deal, profiles.get(deal.accountId()), icp))
			.flatMap(Optional::stream)
			.limit(limit)
			.toList();
	}

	/** The partner's proof points to attach before it asks for an introduction. */
	Optional<Advice> proofPoints(Viewer viewer, long partnerId) {
		try {
			var versions = this.readiness.view(viewer, partnerId).versions();
			return ProofRules.beforeIntroduction(partnerId, versions.isEmpty() ? null : versions.get(0),
					this.deals.wonDeals(partnerId));
		}
		catch (NotFoundException | AccessDeniedException ex) {
			return Optional.empty();
		}
	}

}
