package com.trellis.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.trellis.deals.OpportunityView;
import com.trellis.identity.UserSummary;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerView;
import com.trellis.partners.Partners;

import org.springframework.stereotype.Component;

/**
 * Who owns a deal's current stage, in the words the process pages show: "{owner}, AE
 * (deal owner)"; "{manager}, sales manager" (the owner's active manager, the owner when
 * none is active); "{partner's PAM}, PAM"; "{partner}, partner"; "a program admin". A
 * person without a user row is "user {id}". A page of deals is named from one reading of
 * the people it names, each manager and partner looked up once, instead of once per deal;
 * the partners are read through the viewer's scope, as one deal's are.
 */
@Component
class StageActors {

	/**
	 * Who acts on a deal without a partner in a stage a PAM or the partner owns: only a
	 * program admin may.
	 */
	static final String NO_PARTNER = "a program admin (the deal has no partner)";

	private final Users users;

	private final Partners partners;

	StageActors(Users users, Partners partners) {
		this.users = users;
		this.partners = partners;
	}

	/** The actor of one deal in {@code stage} (the deal's current stage). */
	String of(Viewer viewer, OpportunityView deal, StageDefinition stage) {
		return of(viewer, List.of(deal), List.of(stage)).get(0);
	}

	/**
	 * The actors of {@code deals}, in their order; {@code stages} holds each deal's
	 * current stage at the same position.
	 */
	List<String> of(Viewer viewer, List<OpportunityView> deals, List<StageDefinition> stages) {
		Map<Long, Optional<Long>> managers = new HashMap<>();
		Map<Long, PartnerView> partnersById = new HashMap<>();
		Set<Long> people = new HashSet<>();
		for (int i = 0; i < deals.size(); i++) {
			var deal = deals.get(i);
			switch (stages.get(i).ownerRole()) {
				case AE -> people.add(deal.ownerId());
				case SALES_MANAGER ->
					people.add(managers.computeIfAbsent(deal.ownerId(), owner -> this.users.activeManagerOf(owner))
						.orElse(deal.ownerId()));
				case PAM, PARTNER -> {
					if (deal.partnerId() != null) {
						var partner = partnersById.computeIfAbsent(deal.partnerId(),
								id -> this.partners.get(viewer, id));
						people.add(partner.ownerPamId());
					}
				}
				default -> {
				}
			}
		}
		var names = people.isEmpty() ? Map.<Long, UserSummary>of() : this.users.byIds(people);
		var actors = new ArrayList<String>(deals.size());
		for (int i = 0; i < deals.size(); i++) {
			var deal = deals.get(i);
			actors.add(switch (stages.get(i).ownerRole()) {
				case AE -> name(names, deal.ownerId()) + ", AE (deal owner)";
				case SALES_MANAGER -> managers.get(deal.ownerId())
					.map(manager -> name(names, manager) + ", sales manager")
					.orElse(name(names, deal.ownerId()) + ", AE (deal owner)");
				case PAM -> deal.partnerId() == null ? NO_PARTNER
						: name(names, partnersById.get(deal.partnerId()).ownerPamId()) + ", PAM";
				case PARTNER ->
					deal.partnerId() == null ? NO_PARTNER : partnersById.get(deal.partnerId()).name() + ", partner";
				default -> "a program admin";
			});
		}
		return actors;
	}

	private static String name(Map<Long, UserSummary> names, long userId) {
		var user = names.get(userId);
		return user != null ? user.displayName() : "user " + userId;
	}

}
