package com.trellis.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.trellis.accounts.Accounts;
import com.trellis.deals.DealFilter;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityView;
import com.trellis.deals.PartnerOutcomes;
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

	private final PartnerOutcomes outcomes;

	private final Accounts accounts;

	private final ReadinessAssessments readiness;

	RuleReads(Deals deals, PartnerOutcomes outcomes, Accounts accounts, ReadinessAssessments readiness) {
		this.deals = deals;
		this.outcomes = outcomes;
		this.accounts = accounts;
		this.readiness = readiness;
	}

	/**
	 * Whose early deals a person answers for: a rep's team ({@code owners}), a PAM's book
	 * ({@code partners}), or, both null, every deal the person may see (a partner user's
	 * own).
	 */
	record DealScope(List<Long> owners, List<Long> partners) {

		static final DealScope VISIBLE = new DealScope(null, null);

		static DealScope ownedBy(List<Long> owners) {
			return new DealScope(List.copyOf(owners), null);
		}

		static DealScope ofPartners(java.util.Collection<Long> partners) {
			return new DealScope(null, List.copyOf(partners));
		}

	}

	/**
	 * The person's open early-stage deals in {@code scope} whose customer lies outside
	 * the ICP (the run reads it once, {@link ProgramIcp#current}); at most {@code limit}.
	 */
	List<Advice> icpMismatches(Viewer viewer, Icp icp, DealScope scope, int limit) {
		if (!icp.defined()) {
			return List.of();
		}
		var early = new ArrayList<OpportunityView>();
		for (var stage : List.of(Stage.REGISTERED, Stage.QUALIFIED)) {
			var filter = new DealFilter(null, stage, true, null, null, null, null);
			var page = PageRequest.of(0, EARLY_DEALS);
			var found = scope.partners() != null ? this.deals.searchWithPartners(viewer, scope.partners(), filter, page)
					: scope.owners() != null ? this.deals.searchOwnedBy(viewer, scope.owners(), filter, page)
							: this.deals.search(viewer, filter, page);
			early.addAll(found.items());
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
					this.outcomes.wonDeals(partnerId));
		}
		catch (NotFoundException | AccessDeniedException ex) {
			return Optional.empty();
		}
	}

}
