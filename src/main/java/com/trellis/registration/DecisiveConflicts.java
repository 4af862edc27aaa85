package com.trellis.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of the claims a registration met are recorded for the reviewer. The rules of
 * engagement look at three claims, in order: the partner's own earliest claim, the
 * earliest claim of another partner that protects the customer, and the earliest open
 * direct deal. Those three are recorded, the one that decided first, because they decide
 * the outcome or would decide it once the one before is found wrong or lapses; every
 * other claim on the customer (another open deal on one of its accounts, a registration
 * waiting on hold) changes nothing and is only counted. A customer with hundreds of open
 * deals so costs at most three rows instead of hundreds. Claims that no longer hold the
 * customer (expired, rejected, withdrawn registrations; closed deals) are never
 * candidates in the first place.
 */
final class DecisiveConflicts {

	private DecisiveConflicts() {
	}

	static Selection select(long partnerId, List<ConflictCandidate> candidates) {
		return select(partnerId, candidates, 0);
	}

	/**
	 * As {@link #select(long, List)}, with {@code unlisted} more claims on the customer
	 * found that are not among the candidates (none of them decides: see
	 * {@link ConflictClaims}), counted in {@link Selection#found()}.
	 */
	static Selection select(long partnerId, List<ConflictCandidate> candidates, int unlisted) {
		var own = RulesOfEngagement.ownClaim(partnerId, candidates);
		var protecting = RulesOfEngagement.protectedClaim(partnerId, candidates);
		var direct = RulesOfEngagement.directDeal(candidates);
		var recorded = new ArrayList<ConflictCandidate>();
		String reason;
		if (own.isPresent()) {
			reason = "the partner's own claim decided";
		}
		else if (protecting.isPresent()) {
			reason = "another partner's protected claim decided";
		}
		else if (direct.isPresent()) {
			reason = "an open direct deal decided";
		}
		else if (RulesOfEngagement.ownLookAlike(partnerId, candidates).isPresent()) {
			reason = "only the partner's own claim on a name spelt alike, for the PAM to check";
		}
		else {
			reason = "no claim on the customer";
		}
		add(recorded, own);
		add(recorded, protecting);
		add(recorded, direct);
		// the partner's own look-alike claim decides nothing; the PAM sees it to check
		add(recorded, RulesOfEngagement.ownLookAlike(partnerId, candidates));
		return new Selection(List.copyOf(recorded), candidates.size() + unlisted, reason);
	}

	private static void add(List<ConflictCandidate> recorded, Optional<ConflictCandidate> claim) {
		claim.filter(c -> !recorded.contains(c)).ifPresent(recorded::add);
	}

	/**
	 * @param recorded the claims to record, the deciding one first
	 * @param found how many claims on the customer were found in all
	 * @param reason why the first one is listed first
	 */
	record Selection(List<ConflictCandidate> recorded, int found, String reason) {

		/** How many claims were found and not recorded: they change nothing. */
		int notRecorded() {
			return this.found - this.recorded.size();
		}

		/** For the history, which the PAM reads. */
		String summary() {
			if (this.found == 0) {
				return "no claim on the customer found";
			}
			return this.found + (this.found == 1 ? " claim" : " claims") + " on the customer found, "
					+ this.recorded.size() + " deciding recorded as conflicts (" + this.reason + ")";
		}

	}

}
