package com.trellis.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.trellis.matching.Match;
import com.trellis.registration.ConflictCandidate.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecisiveConflictsTest {

	private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

	private static final Match DOMAIN = new Match(Match.Kind.DOMAIN, 1.0, Match.Confidence.AUTOMATIC,
			"same registrable domain acme.com");

	@Test
	void ofManyOpenDealsOnlyTheEarliestProtectedClaimAndTheEarliestDirectDealAreRecorded() {
		var candidates = new ArrayList<ConflictCandidate>();
		for (int i = 0; i < 100; i++) {
			candidates.add(deal(1000 + i, 50L + i, 100 - i));
			candidates.add(deal(2000 + i, null, 200 - i));
		}
		var selection = DecisiveConflicts.select(1, candidates);
		assertThat(selection.recorded()).extracting(ConflictCandidate::id).containsExactly(1099L, 2099L);
		assertThat(selection.found()).isEqualTo(200);
		assertThat(selection.notRecorded()).isEqualTo(198);
		assertThat(selection.summary()).isEqualTo(
				"200 claims on the customer found, 2 deciding recorded as conflicts (another partner's protected claim decided)");
	}

	@Test
	void theDecidingClaimComesFirstAndRegistrationsOnHoldAreOnlyCounted() {
		var candidates = List.of(registration(11, 8, RegistrationStatus.ON_HOLD, 1),
				registration(12, 9, RegistrationStatus.APPROVED, 5),
				registration(13, 10, RegistrationStatus.PENDING, 3), registration(14, 1, RegistrationStatus.PENDING, 9),
				deal(501, null, 2));
		var selection = DecisiveConflicts.select(1, candidates);
		var decision = RulesOfEngagement.decide(1, candidates, RegistrationRules.DEFAULTS, T0,
				java.time.ZoneOffset.UTC);
		assertThat(decision.internalReason()).contains("registration 14");
		assertThat(selection.recorded()).extracting(ConflictCandidate::id).containsExactly(14L, 13L, 501L);
		assertThat(selection.summary()).endsWith("(the partner's own claim decided)");
	}

	@Test
	void aCustomerNobodyHoldsRecordsNothing() {
		var selection = DecisiveConflicts.select(1, List.of());
		assertThat(selection.recorded()).isEmpty();
		assertThat(selection.summary()).isEqualTo("no claim on the customer found");
	}

	private static ConflictCandidate deal(long id, Long partner, int minutes) {
		return new ConflictCandidate(Kind.OPPORTUNITY, id, partner, null, T0.plusSeconds(60L * minutes), null, DOMAIN);
	}

	private static ConflictCandidate registration(long id, long partner, RegistrationStatus status, int minutes) {
		var at = T0.plusSeconds(60L * minutes);
		return new ConflictCandidate(Kind.REGISTRATION, id, partner, status, at, at.plusSeconds(90L * 86400), DOMAIN);
	}

}
