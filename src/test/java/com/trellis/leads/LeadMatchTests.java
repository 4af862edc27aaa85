package com.trellis.leads;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which account a lead's company is: found by each long word of its name
 * ({@code Accounts#companyCandidates}), so a name the matcher is sure of is found however
 * little of the whole name's trigrams its misspellings leave, and names one extends by
 * whole words are still offered as possible matches.
 */
@TrellisTest
class LeadMatchTests {

	@Autowired
	Leads leads;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeadWithBothLongWordsMisspeltGoesToTheAccountOwner() {
		var rep = this.fixtures.user(Role.AE);
		var pam = this.fixtures.user(Role.PAM);
		var partnerUser = this.fixtures.user(Role.PARTNER, this.fixtures.partner("Lead Spelling Partner", pam.userId()),
				null);
		long account = this.fixtures.account("Dravel Kintor", "dravel-kintor-test.com", rep.userId());
		// two neighbours swapped in each six-letter word: one slip each, a sure match;
		// the
		// whole names keep too few trigrams for a search by the whole name (0.3)
		assertThat(this.jdbc.sql("SELECT similarity('darvel kitnor', 'dravel kintor')").query(Double.class).single())
			.isLessThan(0.3);

		var lead = this.leads.submit(partnerUser, lead("Darvel Kitnor", null));

		assertThat(lead.status()).isEqualTo(LeadStatus.ROUTED);
		assertThat(lead.repId()).isEqualTo(rep.userId());
		var internal = this.leads.get(this.fixtures.user(Role.ADMIN), lead.id());
		assertThat(internal.accountId()).isEqualTo(account);
		assertThat(internal.routingReason()).startsWith("Routed to the owner of account Dravel Kintor");
	}

	@Test
	void namesExtendedOrShortenedByWholeWordsAreOfferedAsPossibleMatchesOnly() {
		var rep = this.fixtures.user(Role.AE);
		var pam = this.fixtures.user(Role.PAM);
		var partnerUser = this.fixtures.user(Role.PARTNER,
				this.fixtures.partner("Lead Extension Partner", pam.userId()), null);
		this.fixtures.account("Quelvantir Freight", null, rep.userId());

		var shorter = this.leads.submit(partnerUser, lead("Quelvantir", null));
		var longer = this.leads.submit(partnerUser, lead("Quelvantir Freight Nordic", null));
		var other = this.leads.submit(partnerUser, lead("Quelvantor Shipping", null));

		var admin = this.fixtures.user(Role.ADMIN);
		for (var id : new long[] { shorter.id(), longer.id() }) {
			var internal = this.leads.get(admin, id);
			assertThat(internal.status()).isEqualTo(LeadStatus.SUBMITTED);
			assertThat(internal.routingReason()).isEqualTo(
					"No account matches the company surely (only possible matches; a person decides); the partner manager picks a rep");
		}
		assertThat(this.leads.get(admin, other.id()).routingReason())
			.isEqualTo("No account matches the company; the partner manager picks a rep");
	}

	private static LeadCommand lead(String company, String domain) {
		return new LeadCommand(null, company, domain, "Jo Buyer", "jo@example.com", "Evaluating this quarter");
	}

}
