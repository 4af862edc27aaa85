package com.trellis.matching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpellingOnlyTest {

	@Test
	void aSpellingVariantWithItsOwnOtherWebDomainIsDoubted() {
		var subject = Company.of("Velfleyo Inc.", "velfleyo.io", "FR");
		var account = Company.of("Velfleor", "velfleor.com", "FR");

		var doubt = SpellingOnly.doubt(subject, account, CompanyMatcher.compare(subject, account).orElseThrow(), false);

		assertThat(doubt)
			.hasValue("but the names differ in spelling and their web domains differ (velfleyo.io, velfleor.com)");
	}

	@Test
	void aWordStartingWithAnotherLetterIsDoubted() {
		var subject = Company.of("Babator Ventures GmbH", null, null);
		var account = Company.of("Kabator Ventures", null, null);

		var doubt = SpellingOnly.doubt(subject, account, CompanyMatcher.compare(subject, account).orElseThrow(), false);

		assertThat(doubt).hasValue("but \"babator\" and \"kabator\" start with different letters");
	}

	@Test
	void aSlipInsideAWordWithoutAnOwnOtherDomainIsSure() {
		var subject = Company.of("Pelorathine Systems", null, "US");
		var account = Company.of("Pelorathyne Systems", "pelorathyne.com", "US");

		assertThat(SpellingOnly.doubt(subject, account, CompanyMatcher.compare(subject, account).orElseThrow(), false))
			.isEmpty();
	}

	@Test
	void theSameNameOrTheSameDomainIsNeverDoubted() {
		var subject = Company.of("Velfleor GmbH", "velfleor.de", "DE");
		var account = Company.of("Velfleor", "velfleor.com", "DE");
		var sameDomain = Company.of("Velfleyo", "velfleor.com", "DE");

		assertThat(SpellingOnly.doubt(subject, account, CompanyMatcher.compare(subject, account).orElseThrow(), false))
			.isEmpty();
		assertThat(SpellingOnly.doubt(sameDomain, account, CompanyMatcher.compare(sameDomain, account).orElseThrow(),
				false))
			.isEmpty();
	}

	@Test
	void aWordOnlyJaroWinklerCloseIsDoubted() {
		var subject = Company.of("Wavoelxa", null, "ES");
		var account = Company.of("Wavovel", null, "ES");

		var doubt = SpellingOnly.doubt(subject, account, CompanyMatcher.compare(subject, account).orElseThrow(), false);

		assertThat(doubt).hasValue("but \"wavoelxa\" and \"wavovel\" are not one slip of the keyboard apart");
	}

	/**
	 * The matcher takes one slip in a five-letter word, also one that makes it a
	 * four-letter word, for one company (the conflict check holds such a registration for
	 * a person); a decision without a person only offers it as possible.
	 */
	@Test
	void aSlipInAWordOfFewerThanSixLettersIsDoubted() {
		for (var pair : new String[][] { { "Apple", "Ample" }, { "First Data", "Fist Data" },
				{ "Northgate Water District", "Northgate Watr District" } }) {
			var subject = Company.of(pair[0], null, null);
			var account = Company.of(pair[1], null, null);
			var match = CompanyMatcher.compare(subject, account).orElseThrow();
			assertThat(match.automatic()).isTrue();
			assertThat(SpellingOnly.doubt(subject, account, match, false)).isPresent()
				.hasValueSatisfying(why -> assertThat(why).contains("fewer than six letters"));
			var decision = BestMatch.among(subject, java.util.List.of(new BestMatch.Candidate<>(1, account)));
			assertThat(decision.matched()).isFalse();
			assertThat(decision.possibles()).hasSize(1);
		}
	}

	@Test
	void aSlipIsDoubtedWhenAnotherAccountHasExactlyTheName() {
		var subject = Company.of("Versablun", null, "SE");
		var account = Company.of("Versablum", null, "SE");
		var match = CompanyMatcher.compare(subject, account).orElseThrow();

		assertThat(SpellingOnly.doubt(subject, account, match, true))
			.hasValue("but another account has exactly the name \"versablun\"");
		assertThat(SpellingOnly.doubt(subject, account, match, false)).isEmpty();
	}

	@Test
	void anUmlautWrittenOutOrNotIsNoDoubt() {
		var subject = Company.of("Björk Consulting S.A.", null, "SE");
		var account = Company.of("Bjork Consulting", null, "SE");

		assertThat(SpellingOnly.doubt(subject, account, CompanyMatcher.compare(subject, account).orElseThrow(), false))
			.isEmpty();
	}

}
