package com.trellis.deals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deal names Trellis makes for an approved registration or an accepted lead fit the
 * deal's own limit (s55: a 200-character customer name made a 261-character deal name,
 * and every later edit of the deal was refused naming it).
 */
class OpportunityNameTest {

	@Test
	void aLongCustomerNameIsShortenedSoTheWholeNameFits() {
		var customer = "Ç".repeat(150) + "😀".repeat(50);
		var name = OpportunityCommand.nameOf(customer, " – partner lead");
		assertThat(name.codePointCount(0, name.length())).isEqualTo(OpportunityCommand.NAME_MAX);
		assertThat(name).startsWith("Ç".repeat(150)).endsWith("… – partner lead");
		// no emoji cut in half
		assertThat(name.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE)).isTrue();
	}

	@Test
	void aShortNameIsKeptAsItIs() {
		assertThat(OpportunityCommand.nameOf(" Acme Corp ", " – partner lead")).isEqualTo("Acme Corp – partner lead");
	}

}
