package com.trellis.guidance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.trellis.cohorts.Cohorts;
import com.trellis.cohorts.Membership;
import com.trellis.identity.Viewer;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.PartnerView;
import com.trellis.partners.Partners;
import com.trellis.scoring.DriftLine;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * The stalling rule of the day's run, fed with what worked for similar partners: the
 * accepted stalling interventions whose outcome is known, and, for each stalling partner,
 * the groups it belongs to — each of its current cohorts, its tier, its partner type —
 * read through the cohorts' and partners' facades as the program sees them.
 */
@Component
class SimilarPartners {

	private final GuidanceStore store;

	private final Partners partners;

	private final Cohorts cohorts;

	private final BusinessCalendar calendar;

	SimilarPartners(GuidanceStore store, Partners partners, Cohorts cohorts, BusinessCalendar calendar) {
		this.store = store;
		this.partners = partners;
		this.cohorts = cohorts;
		this.calendar = calendar;
	}

	/**
	 * The day's stalling rule: each stalling line with the intervention chosen from
	 * similar partners, or by its score while nothing is measured.
	 */
	Function<DriftLine, Optional<Advice>> stallingRule(Viewer program) {
		var tallies = this.store.interventionTallies(this.calendar.today());
		if (tallies.isEmpty()) {
			return line -> "STALLING".equals(line.state())
					? PamRules.stalling(line, InterventionChoice.choose(line.pillar(), List.of(), tallies))
					: Optional.empty();
		}
		var everyone = this.partners.inStatuses(EnumSet.allOf(LifecycleStatus.class))
			.stream()
			.collect(Collectors.toMap(PartnerView::id, p -> p));
		var byTier = everyone.values()
			.stream()
			.collect(Collectors.groupingBy(PartnerView::tier, Collectors.mapping(PartnerView::id, Collectors.toSet())));
		var byType = everyone.values()
			.stream()
			.collect(Collectors.groupingBy(PartnerView::type, Collectors.mapping(PartnerView::id, Collectors.toSet())));
		var cohortMembers = new HashMap<Long, Set<Long>>();
		return line -> {
			if (!"STALLING".equals(line.state())) {
				return Optional.empty();
			}
			var similar = new ArrayList<InterventionChoice.Peers>();
			for (var membership : currentCohorts(program, line.partnerId())) {
				var members = cohortMembers.computeIfAbsent(membership.cohortId(), id -> currentMembers(program, id));
				similar.add(new InterventionChoice.Peers("the cohort " + membership.cohort(), members));
			}
			var partner = everyone.get(line.partnerId());
			if (partner != null) {
				similar.add(new InterventionChoice.Peers(partner.tier().label(), byTier.get(partner.tier())));
				similar.add(new InterventionChoice.Peers("partner type " + partner.type().label(),
						byType.get(partner.type())));
			}
			return PamRules.stalling(line, InterventionChoice.choose(line.pillar(), similar, tallies));
		};
	}

	/** The partner's current cohorts; none when the partner or cohort is gone. */
	private List<Membership> currentCohorts(Viewer program, long partnerId) {
		try {
			return this.cohorts.ofPartner(program, partnerId).stream().filter(m -> m.validTo() == null).toList();
		}
		catch (NotFoundException ex) {
			return List.of();
		}
	}

	/** The cohort's current members; none for a retired cohort. */
	private Set<Long> currentMembers(Viewer program, long cohortId) {
		var members = new HashSet<Long>();
		try {
			this.cohorts.memberships(program, cohortId)
				.stream()
				.filter(m -> m.validTo() == null)
				.forEach(m -> members.add(m.partnerId()));
		}
		catch (NotFoundException ex) {
			// retired since: no group
		}
		return members;
	}

}
