package com.trellis.identity;

import java.util.ArrayList;

import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users are looked up by any number of ids. The weekly guidance digest of a program with
 * 40,000 partners asked for 75,063 users at once, and a statement with one parameter per
 * id goes over the 65,535 parameters PostgreSQL's protocol allows: the digest job failed
 * on every run (found by the large demo's first start).
 */
@TrellisTest
class ManyUserIdsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Users users;

	@Test
	void seventyThousandIdsAreLookedUpInOneGo() {
		var pam = this.fixtures.user(Role.PAM);
		var ids = new ArrayList<Long>();
		for (long id = -70_000; id < 0; id++) {
			ids.add(id);
		}
		ids.add(pam.userId());
		var found = this.users.byIds(ids);
		assertThat(found).containsOnlyKeys(pam.userId());
		assertThat(found.get(pam.userId()).role()).isEqualTo(Role.PAM);
	}

}
