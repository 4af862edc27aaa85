package com.trellis.activation;

import com.trellis.shared.PageRequest;
import com.trellis.support.Fixtures;
import com.trellis.support.ManyIds;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activation plans' page of a set of partners takes any number of them (a program's
 * or a large book's partners can pass the 65,535 parameters of one statement).
 */
@TrellisTest
class ManyPartnerIdsTests {

	@Autowired
	ActivationRepository plans;

	@Test
	void aPageOfPlansOfSeventyThousandPartnersIsReadInOneGo() {
		var page = this.plans.page(ManyIds.with(), new PageRequest(0, 25));
		assertThat(page.items()).isEmpty();
		assertThat(page.total()).isZero();
	}

}
