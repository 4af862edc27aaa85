package com.trellis.process;

import java.util.List;

import com.trellis.deals.OpportunityView;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may act on a deal in its current stage, for {@link SalesProcess}: the person of the
 * stage's owner role (the deal's owner or their manager, the owner's manager, the
 * partner's PAM, the partner's own users) or a program admin; refused with a 403 naming
 * the stage's owner role. A move decided on a stale view of the deal is refused first,
 * with a 409 naming {@code stage}. Split from {@link SalesProcess}.
 */
@Component
class StageOwners {

	private final Users users;

	private final Partners partners;

	StageOwners(Users users, Partners partners) {
		this.users = users;
		this.partners = partners;
	}

	/** Refuses (403) a viewer who does not own the deal's current stage. */
	void require(Viewer viewer, OpportunityView deal, StageDefinition stage) {
		if (!owns(viewer, deal, stage)) {
			throw new AccessDeniedException(refusal(stage, deal.partnerId() != null));
		}
	}

	/**
	 * Who acts on a deal in the stage, said to someone who may not: the person of this
	 * deal, not the role alone (a sales manager refused a Commit deal is not the owner's
	 * manager); a partner's stage of a deal without a partner is an admin's alone.
	 */
	static String refusal(StageDefinition stage, boolean partnered) {
		var partnerSide = stage.ownerRole() == Role.PAM || stage.ownerRole() == Role.PARTNER;
		if (partnerSide && !partnered) {
			return "In " + stage.name() + ", a deal without a partner is acted on by a program admin only";
		}
		var who = switch (stage.ownerRole()) {
			case AE -> "the deal's owner, their manager";
			case SALES_MANAGER -> "the deal owner's sales manager";
			case PAM -> "the PAM of the deal's partner";
			case PARTNER -> "the users of the deal's partner";
			default -> "a " + stage.ownerRole().noun();
		};
		return "In " + stage.name() + ", only " + who + " or a program admin may act on this deal";
	}

	/**
	 * Whether the viewer acts on the deal in this stage: its owner role's person, or an
	 * admin.
	 */
	boolean owns(Viewer viewer, OpportunityView deal, StageDefinition stage) {
		if (viewer.is(Role.ADMIN)) {
			return true;
		}
		return switch (stage.ownerRole()) {
			case AE -> viewer.is(Role.AE, Role.SALES_MANAGER) && (viewer.userId() == deal.ownerId()
					|| this.users.reportsOf(viewer.userId()).contains(deal.ownerId()));
			case SALES_MANAGER ->
				viewer.is(Role.SALES_MANAGER) && this.users.reportsOf(viewer.userId()).contains(deal.ownerId());
			case PAM ->
				viewer.is(Role.PAM) && deal.partnerId() != null && this.partners.manages(viewer, deal.partnerId());
			case PARTNER ->
				viewer.isPartnerUser() && deal.partnerId() != null && deal.partnerId().equals(viewer.partnerId());
			default -> false;
		};
	}

	/**
	 * A move decided on a stale view of the deal is refused: it moved since. Checked
	 * before the owner role, which belongs to the stage the deal is in now, so that a
	 * racing loser hears the deal moved rather than that their role may not act.
	 */
	static void requireSeen(List<StageDefinition> stages, OpportunityView deal, Stage seen) {
		if (seen != null && seen != deal.stage()) {
			throw new ConflictException("stage",
					"the deal is now in " + stage(stages, deal.stage()).name() + ", not in "
							+ stage(stages, seen).name() + ": someone moved it meanwhile; reload it and decide again");
		}
	}

	/** The definition of a stage among the configured ones. */
	static StageDefinition stage(List<StageDefinition> stages, Stage code) {
		return stages.stream().filter(s -> s.code() == code).findFirst().orElseThrow();
	}

}
