package com.trellis.registration;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.trellis.matching.Match;
import com.trellis.registration.ConflictCandidate.Kind;

/**
 * Decides what happens to a new registration given what already holds the same customer.
 * The reason for the registrant never names another partner; the internal reason does,
 * for the PAM.
 */
final class RulesOfEngagement {

	private RulesOfEngagement() {
	}

	static Decision decide(long partnerId, List<ConflictCandidate> candidates, RegistrationRules rules, Instant now,
			ZoneId businessZone) {
		var own = ownClaim(partnerId, candidates);
		if (own.isPresent()) {
			var c = own.get();
			var what = c.kind() == Kind.REGISTRATION ? "your registration #" + c.id() : "your deal #" + c.id();
			return new Decision(RegistrationStatus.REJECTED, null, null,
					"Duplicate: this customer is already covered by " + what + ".", "duplicate of the partner's own "
							+ c.kind().name().toLowerCase() + " " + c.id() + " (" + c.match().reason() + ")");
		}
		var protecting = protectedClaim(partnerId, candidates);
		if (protecting.isPresent()) {
			var c = protecting.get();
			var until = c.protectionEndsAt() == null ? ""
					: " until " + c.protectionEndsAt().atZone(businessZone).toLocalDate();
			var external = (c.kind() == Kind.REGISTRATION ? "Another partner's registration"
					: "Another partner's open deal") + " covers this customer (" + basis(c) + "); it is protected"
					+ until + ".";
			var internal = "customer held by partner " + c.partnerId() + " through " + c.kind().name().toLowerCase()
					+ " " + c.id() + " (" + c.match().reason() + ")";
			if (rules.laterRegistration() == RegistrationRules.LaterRegistration.REJECT) {
				return new Decision(RegistrationStatus.REJECTED, null, null, external, internal);
			}
			return new Decision(RegistrationStatus.ON_HOLD, c.kind() == Kind.REGISTRATION ? c.id() : null, null,
					external + " Yours is on hold and will be reconsidered in order if that "
							+ (c.kind() == Kind.REGISTRATION ? "registration" : "deal")
							+ " lapses, or sooner if your partner manager finds the match wrong and lifts the hold.",
					internal);
		}
		// the partner's own claim on a name spelt alike is not surely this customer
		// (try01: "Quillfeather Health" on one domain, "Quillfeather Wealth" on another
		// was rejected as a duplicate, with no way through): the PAM checks it
		var alike = ownLookAlike(partnerId, candidates);
		var told = alike
			.map(c -> " It resembles your " + (c.kind() == Kind.REGISTRATION ? "registration #" : "deal #") + c.id()
					+ "; your partner manager will check that it is another customer.")
			.orElse("");
		var noted = alike
			.map(c -> "; resembles the partner's own " + c.kind().name().toLowerCase() + " " + c.id() + " ("
					+ c.match().reason() + "): check that it is another customer")
			.orElse("");
		var direct = directDeal(candidates);
		if (direct.isPresent()) {
			var c = direct.get();
			return new Decision(RegistrationStatus.PENDING, null, c.id(),
					"Our sales team already works with this customer; your partner manager will decide how you join the deal."
							+ told,
					"open direct opportunity " + c.id() + " (" + c.match().reason()
							+ "): attach the partner as influencer or co-seller, or reject" + noted);
		}
		return new Decision(RegistrationStatus.PENDING, null, null, "Awaiting approval by your partner manager." + told,
				alike.isPresent() ? "no conflict found" + noted : "no conflict found");
	}

	/**
	 * The first rule: the partner's own earliest claim on the customer, by its domain or
	 * the same name, which makes a new registration a duplicate.
	 */
	static Optional<ConflictCandidate> ownClaim(long partnerId, List<ConflictCandidate> candidates) {
		return candidates.stream()
			.filter(c -> c.partnerId() != null && c.partnerId() == partnerId && !spelledAlike(c.match()))
			.min(Comparator.comparing(ConflictCandidate::since));
	}

	/**
	 * The partner's own earliest claim whose company's name is only spelt alike (no
	 * shared domain, not the same name): not a duplicate for sure, so the registration
	 * awaits the PAM, who is told of the resemblance.
	 */
	static Optional<ConflictCandidate> ownLookAlike(long partnerId, List<ConflictCandidate> candidates) {
		return candidates.stream()
			.filter(c -> c.partnerId() != null && c.partnerId() == partnerId && spelledAlike(c.match()))
			.min(Comparator.comparing(ConflictCandidate::since));
	}

	/** A match on names that differ in spelling, not on the domain or the same name. */
	private static boolean spelledAlike(Match match) {
		return match.kind() == Match.Kind.NAME && match.score() < 1.0;
	}

	/**
	 * The second rule: the earliest claim of another partner that protects the customer
	 * (an awaiting, sent-back or approved registration, or an open partner deal), by the
	 * domain or the same name if there is one, else by a name spelt alike, which holds or
	 * rejects a new registration.
	 */
	static Optional<ConflictCandidate> protectedClaim(long partnerId, List<ConflictCandidate> candidates) {
		// a claim by the domain or the same name before one on a name only spelt alike
		// (try03: held behind an earlier "Quillfeather Health" instead of the partner
		// whose "Quillfeather Wealth" on the same domain came first, a wrong match the
		// PAM then lifted, giving the customer away)
		return candidates.stream()
			.filter(c -> c.protects() && !(c.partnerId() != null && c.partnerId() == partnerId))
			.min(Comparator.comparing((ConflictCandidate c) -> spelledAlike(c.match()))
				.thenComparing(ConflictCandidate::since));
	}

	/** The third rule: the earliest open direct deal, which the PAM decides on. */
	static Optional<ConflictCandidate> directDeal(List<ConflictCandidate> candidates) {
		return candidates.stream()
			.filter(c -> c.kind() == Kind.OPPORTUNITY && c.partnerId() == null)
			.min(Comparator.comparing(ConflictCandidate::since));
	}

	/** What the match rests on, in words the registrant may read. */
	private static String basis(ConflictCandidate candidate) {
		var match = candidate.match();
		return match.kind() == Match.Kind.DOMAIN ? "matched by the " + match.reason() : "matched by the company's name";
	}

	/**
	 * @param status the registration's status
	 * @param heldBehindId the registration it waits behind, when on hold
	 * @param directConflictId the direct opportunity the PAM must decide on
	 * @param externalReason what the registrant is told
	 * @param internalReason what the PAM sees
	 */
	record Decision(RegistrationStatus status, Long heldBehindId, Long directConflictId, String externalReason,
			String internalReason) {
	}

}
