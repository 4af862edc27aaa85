package com.trellis.fit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.deals.DealProfile;
import com.trellis.deals.DealProfiles;
import com.trellis.deals.Deals;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.scoring.TrustScores;
import com.trellis.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner-fit facade (§C16, the AE's guidance): on a deal, the partners whose won
 * deals with customers like this one (same industry; closer with the same size, country
 * and deal size) and whose trust score make them the best fit, with those deals as
 * evidence. Vendor staff only: a partner user gets 404, as for a deal it does not see.
 * The evidence comes from the vendor's own deal records; a deal is named only when the
 * viewer may open it, the others are counted. Partners' account lists (account mapping)
 * are never read here.
 */
@Service
public class PartnerFits {

	/** How far back won deals count as evidence. */
	static final int WINDOW_DAYS = 730;

	/** The most recent similar won deals read per deal. */
	static final int EVIDENCE_LIMIT = 500;

	/** Candidates with the most evidence whose partner and trust are read. */
	private static final int CANDIDATES = 15;

	private final Deals deals;

	private final DealProfiles profiles;

	private final Partners partners;

	private final TrustScores trust;

	private final Clock clock;

	PartnerFits(Deals deals, DealProfiles profiles, Partners partners, TrustScores trust, Clock clock) {
		this.deals = deals;
		this.profiles = profiles;
		this.partners = partners;
		this.trust = trust;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public FitList forDeal(Viewer viewer, long opportunityId) {
		if (viewer.isPartnerUser()) {
			throw new NotFoundException("Opportunity", opportunityId);
		}
		var deal = this.deals.get(viewer, opportunityId);
		var profile = this.profiles.of(opportunityId)
			.orElseThrow(() -> new NotFoundException("Opportunity", opportunityId));
		String band = DealSimilarity.sizeBand(profile.reportingAmount());
		if (profile.industry() == null || profile.industry().isBlank()) {
			return new FitList(opportunityId, null, profile.employeeBand(), profile.country(), band, WINDOW_DAYS,
					List.of(),
					"The customer's industry is not recorded, so no won deal can be compared with this one.");
		}
		var since = this.clock.instant().minus(Duration.ofDays(WINDOW_DAYS));
		var wins = this.profiles.wonWithPartnerIn(profile.industry(), since, opportunityId, EVIDENCE_LIMIT);
		var byPartner = new LinkedHashMap<Long, List<Evidence>>();
		for (var won : wins) {
			DealSimilarity.of(profile, won)
				.ifPresent(similar -> byPartner.computeIfAbsent(won.partnerId(), p -> new ArrayList<>())
					.add(new Evidence(won, similar)));
		}
		var candidates = byPartner.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<Long, List<Evidence>> e) -> -points(e.getValue()))
				.thenComparingLong(Map.Entry::getKey))
			.limit(CANDIDATES)
			.toList();
		var ids = candidates.stream().map(Map.Entry::getKey).toList();
		var visible = this.profiles.visibleTo(viewer,
				candidates.stream().flatMap(e -> e.getValue().stream()).map(e -> e.won().id()).toList());
		var trusts = this.trust.latest(ids);
		var ranked = new ArrayList<FitRanking.Candidate>();
		for (var entry : candidates) {
			var partner = this.partners.get(viewer, entry.getKey());
			var t = trusts.get(entry.getKey());
			var wonDeals = entry.getValue()
				.stream()
				.map(e -> new FitRanking.Win(e.won().id(), e.won().name(), e.similar().points(), e.similar().alike(),
						visible.contains(e.won().id())))
				.toList();
			ranked.add(new FitRanking.Candidate(partner.id(), partner.name(), partner.type(), partner.lifecycleStatus(),
					t == null ? null : t.score(), t == null ? "not scored yet" : t.unknownReason(), wonDeals,
					deal.partnerId() != null && deal.partnerId() == partner.id()));
		}
		var fits = FitRanking.rank(ranked);
		String note = fits.isEmpty() ? "No partner won a deal with a " + profile.industry().strip()
				+ " customer in the last " + WINDOW_DAYS + " days." : null;
		return new FitList(opportunityId, profile.industry().strip(), profile.employeeBand(), profile.country(), band,
				WINDOW_DAYS, fits, note);
	}

	private static int points(List<Evidence> evidence) {
		return evidence.stream().mapToInt(e -> e.similar().points()).sum();
	}

	private record Evidence(DealProfile won, DealSimilarity.Similar similar) {
	}

}
