package com.trellis.registration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.trellis.registration.ConflictCandidate.Kind;
import com.trellis.matching.Match;
import com.trellis.registration.RegistrationRules.LaterRegistration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RulesOfEngagementTest {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private static final Match DOMAIN = new Match(Match.Kind.DOMAIN, 1.0, Match.Confidence.AUTOMATIC,
			"same registrable domain acme.com");

	@Test
	void aFreeCustomerAwaitsApproval() {
		var decision = RulesOfEngagement.decide(1, List.of(), RegistrationRules.DEFAULTS, NOW, ZoneOffset.UTC);
		assertThat(decision.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(decision.directConflictId()).isNull();
	}

	@Test
	void aLaterRegistrationIsHeldBehindTheEarliestProtectingOne() {
		var candidates = List.of(registration(11, 7, RegistrationStatus.APPROVED, "2026-10-01T00:00:00Z"),
				registration(12, 8, RegistrationStatus.PENDING, "2026-09-01T00:00:00Z"),
				registration(13, 9, RegistrationStatus.ON_HOLD, "2026-08-01T00:00:00Z"));
		var decision = RulesOfEngagement.decide(1, candidates, RegistrationRules.DEFAULTS, NOW, ZoneOffset.UTC);
		assertThat(decision.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThat(decision.heldBehindId()).isEqualTo(12);
		assertThat(decision.externalReason()).doesNotContain("8").contains("until 2026-11-30");
		assertThat(decision.internalReason()).contains("partner 8");
	}

	@Test
	void theAdminCanChooseToRejectLaterRegistrations() {
		var rules = new RegistrationRules(90, LaterRegistration.REJECT, 2, 30,
				RegistrationRules.DEFAULTS.sourcedShare(), RegistrationRules.DEFAULTS.influencedShare(),
				RegistrationRules.DEFAULTS.coSellShare());
		var decision = RulesOfEngagement.decide(1,
				List.of(registration(12, 8, RegistrationStatus.PENDING, "2026-09-01T00:00:00Z")), rules, NOW,
				ZoneOffset.UTC);
		assertThat(decision.status()).isEqualTo(RegistrationStatus.REJECTED);
	}

	@Test
	void theSamePartnerRegisteringAgainIsADuplicate() {
		var decision = RulesOfEngagement.decide(7,
				List.of(registration(11, 7, RegistrationStatus.PENDING, "2026-10-01T00:00:00Z")),
				RegistrationRules.DEFAULTS, NOW, ZoneOffset.UTC);
		assertThat(decision.status()).isEqualTo(RegistrationStatus.REJECTED);
		assertThat(decision.externalReason()).contains("your registration #11");
	}

	@Test
	void anOpenDirectDealIsFlaggedForThePam() {
		var direct = new ConflictCandidate(Kind.OPPORTUNITY, 501, null, null, NOW, null, DOMAIN);
		var decision = RulesOfEngagement.decide(1, List.of(direct), RegistrationRules.DEFAULTS, NOW, ZoneOffset.UTC);
		assertThat(decision.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(decision.directConflictId()).isEqualTo(501);
	}

	@Test
	void anotherPartnersOpenDealProtectsItsCustomer() {
		var partnerDeal = new ConflictCandidate(Kind.OPPORTUNITY, 502, 9L, null, NOW, null, DOMAIN);
		var decision = RulesOfEngagement.decide(1, List.of(partnerDeal), RegistrationRules.DEFAULTS, NOW,
				ZoneOffset.UTC);
		assertThat(decision.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThat(decision.heldBehindId()).isNull();
	}

	@Test
	void theProtectionEndsOnItsDayInTheBusinessZone() {
		// protected until 2026-11-30T00:00Z: still 29 November in Los Angeles
		var candidates = List.of(registration(12, 8, RegistrationStatus.PENDING, "2026-09-01T00:00:00Z"));
		var decision = RulesOfEngagement.decide(1, candidates, RegistrationRules.DEFAULTS, NOW,
				ZoneId.of("America/Los_Angeles"));
		assertThat(decision.externalReason()).contains("until 2026-11-29");
	}

	/**
	 * The partner's own claim on a name spelt alike, on another domain, is not surely the
	 * same customer (try01): the PAM decides, told of the resemblance; a claim by domain
	 * or the same name still makes a duplicate.
	 */
	@Test
	void theSamePartnersClaimOnANameSpeltAlikeAwaitsThePamInsteadOfARejection() {
		var alike = new Match(Match.Kind.NAME, 0.93, Match.Confidence.AUTOMATIC,
				"company names differ only by spelling (\"quillfeather health\" ~ \"quillfeather wealth\", 0.93)");
		var at = Instant.parse("2026-10-01T00:00:00Z");
		var own = new ConflictCandidate(Kind.REGISTRATION, 11, 7L, RegistrationStatus.PENDING, at,
				at.plusSeconds(90L * 86400), alike);
		var decision = RulesOfEngagement.decide(7, List.of(own), RegistrationRules.DEFAULTS, NOW, ZoneOffset.UTC);
		assertThat(decision.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(decision.externalReason()).contains("resembles your registration #11");
		assertThat(decision.internalReason()).contains("resembles the partner's own registration 11");
		assertThat(DecisiveConflicts.select(7, List.of(own)).recorded()).containsExactly(own);

		var ownDeal = new ConflictCandidate(Kind.OPPORTUNITY, 31, 7L, null, at, null, alike);
		assertThat(RulesOfEngagement.decide(7, List.of(ownDeal), RegistrationRules.DEFAULTS, NOW, ZoneOffset.UTC)
			.externalReason()).contains("resembles your deal #31");

		var sameName = new ConflictCandidate(Kind.REGISTRATION, 11, 7L, RegistrationStatus.PENDING, at,
				at.plusSeconds(90L * 86400), new Match(Match.Kind.NAME, 1.0, Match.Confidence.AUTOMATIC, "same name"));
		assertThat(RulesOfEngagement.decide(7, List.of(sameName), RegistrationRules.DEFAULTS, NOW, ZoneOffset.UTC)
			.status()).isEqualTo(RegistrationStatus.REJECTED);
	}

	/**
	 * try03: another partner's earlier claim on a name only spelt alike held a
	 * registration instead of the claim on the same domain that came first; the PAM
	 * lifted the wrong match and the customer went to the later partner.
	 */
	@Test
	void aClaimOnTheSameDomainHoldsBeforeAnEarlierOneOnANameSpeltAlike() {
		var alike = new Match(Match.Kind.NAME, 0.95, Match.Confidence.AUTOMATIC,
				"company names differ only by spelling");
		var early = Instant.parse("2026-09-01T00:00:00Z");
		var later = Instant.parse("2026-10-01T00:00:00Z");
		var lookAlike = new ConflictCandidate(Kind.REGISTRATION, 20, 7L, RegistrationStatus.PENDING, early,
				early.plusSeconds(90L * 86400), alike);
		var sameDomain = new ConflictCandidate(Kind.REGISTRATION, 21, 7L, RegistrationStatus.PENDING, later,
				later.plusSeconds(90L * 86400), DOMAIN);
		var decision = RulesOfEngagement.decide(1, List.of(lookAlike, sameDomain), RegistrationRules.DEFAULTS, NOW,
				ZoneOffset.UTC);
		assertThat(decision.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThat(decision.heldBehindId()).isEqualTo(21);
	}

	private static ConflictCandidate registration(long id, long partner, RegistrationStatus status, String since) {
		var at = Instant.parse(since);
		return new ConflictCandidate(Kind.REGISTRATION, id, partner, status, at, at.plusSeconds(90L * 86400), DOMAIN);
	}

}
