package com.trellis.registration;

import java.util.Comparator;
import java.util.Optional;

import com.trellis.registration.ConflictCandidate.Kind;
import com.trellis.registration.RegistrationRepository.Row;

import org.springframework.stereotype.Component;

/**
 * Before an approval opens a partner deal on the customer: another partner's open deal on
 * it that the registration's decision did not see — a won or lost deal reopened since, a
 * partner attached to a direct deal since — read under the customer's lock. Without this,
 * approving would leave two partners' open deals on one customer. The claims recorded
 * when the registration was decided are not asked again (the PAM may have lifted a hold
 * on one as a wrong match).
 */
@Component
class LaterPartnerDeals {

	private final ConflictFinder conflicts;

	private final CustomerLocks locks;

	LaterPartnerDeals(ConflictFinder conflicts, CustomerLocks locks) {
		this.conflicts = conflicts;
		this.locks = locks;
	}

	/** The earliest such deal, if any; takes the customer's lock for the transaction. */
	Optional<ConflictCandidate> find(Row row) {
		var view = row.view();
		this.locks.lock(row.customer());
		var recorded = this.conflicts.recorded(view.id())
			.stream()
			.filter(c -> Kind.OPPORTUNITY.name().equals(c.candidateKind()))
			.map(ConflictView::candidateId)
			.toList();
		return this.conflicts.deals(row.customer(), view.accountId())
			.stream()
			.filter(c -> c.partnerId() != null && c.partnerId() != view.partnerId())
			.filter(c -> !recorded.contains(c.id()))
			.min(Comparator.comparing(ConflictCandidate::since));
	}

}
