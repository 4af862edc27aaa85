package com.trellis.leads;

import java.time.Instant;

import com.trellis.shared.PageRequest;
import com.trellis.support.ManyIds;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead list's scope (a manager's reps, a PAM's partners) takes any number of ids: one
 * parameter per id fails past the 65,535 a statement may have.
 */
@TrellisTest
class ManyScopeIdsTests {

	@Autowired
	LeadRepository leads;

	@Test
	void aScopeOfSeventyThousandRepsAndPartnersIsSearchedInOneGo() {
		var scope = new LeadRepository.Scope(null, ManyIds.with(), ManyIds.with());
		var page = this.leads.search(scope, null, new PageRequest(0, 25), Instant.parse("2026-12-01T00:00:00Z"));
		assertThat(page.items()).isEmpty();
	}

}
