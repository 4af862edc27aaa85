package com.trellis.partners;

import javax.sql.DataSource;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.CountedStatements;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PAM's book is read once per page request (a PAM's home scoped eight panels by it,
 * each reading it), each PAM's own; a request that may change data, or work outside a
 * request, reads it each time, so a hand-over is seen at once.
 */
@TrellisTest
class BooksOfRequestTests {

	@Autowired
	Partners partners;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DataSource dataSource;

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aPageRequestReadsEachPamsBookOnce() {
		var one = this.fixtures.world("Book Once Partners");
		var other = this.fixtures.world("Book Once Others");
		long second = this.fixtures.partner("Book Once Second", one.pam().userId());
		inRequest("GET");

		var reads = CountedStatements.of(this.dataSource, () -> {
			var first = this.partners.book(one.pam().userId());
			var again = this.partners.book(one.pam().userId());
			var others = this.partners.book(other.pam().userId());
			assertThat(first).containsExactly(one.partnerId(), second).isEqualTo(again);
			assertThat(others).containsExactly(other.partnerId());
			return null;
		});

		assertThat(reads.statements()).as("statements for three reads of two books").isEqualTo(2);
	}

	@Test
	void aChangingRequestAndWorkOutsideARequestReadTheBookEachTime() {
		var from = this.fixtures.world("Book Moved Partners");
		var to = this.fixtures.user(Role.PAM);
		var admin = this.fixtures.user(Role.ADMIN);
		inRequest("POST");

		var reads = CountedStatements.of(this.dataSource, () -> {
			assertThat(this.partners.book(from.pam().userId())).containsExactly(from.partnerId());
			this.partners.handOverBook(admin, from.pam().userId(), to.userId());
			assertThat(this.partners.book(from.pam().userId())).isEmpty();
			return this.partners.book(to.userId());
		});
		RequestContextHolder.resetRequestAttributes();

		assertThat(reads.result()).containsExactly(from.partnerId());
		assertThat(reads.statements()).as("three reads and the hand-over").isEqualTo(4);
		assertThat(this.partners.book(to.userId())).containsExactly(from.partnerId());
		assertThat(this.partners.book(from.pam().userId())).isEmpty();
	}

	private static void inRequest(String method) {
		RequestContextHolder
			.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest(method, "/")));
	}

}
