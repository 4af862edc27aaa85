package com.trellis.shared;

import javax.sql.DataSource;

import com.trellis.identity.Role;
import com.trellis.partners.PartnerFilter;
import com.trellis.partners.Partners;
import com.trellis.registration.RegistrationFilter;
import com.trellis.registration.RegistrationStatus;
import com.trellis.registration.Registrations;
import com.trellis.support.CountedStatements;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list's page that holds no rows is not read, only counted
 * ({@link PageRequest#holdsNoneOf}): read in its index's order with a filter that matched
 * nothing, the admin's SLA breaches walked every registration's entry (1.4 s on the large
 * data, three times on the admin's home page). The same search with a filter that matches
 * sends one statement more, the page's rows.
 */
@TrellisTest
class EmptyListPageTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	Partners partners;

	@Autowired
	DataSource dataSource;

	@Test
	void registrationsMatchingNothingAreOnlyCounted() {
		var admin = this.fixtures.user(Role.ADMIN);
		var page = PageRequest.of(0, 10);
		var none = CountedStatements.of(this.dataSource, () -> this.registrations.search(admin,
				new RegistrationFilter(RegistrationStatus.PENDING, -1L, false, false), page));
		var some = CountedStatements.of(this.dataSource,
				() -> this.registrations.search(admin, new RegistrationFilter(null, null, false, false), page));
		assertThat(none.result().total()).isZero();
		assertThat(some.result().items()).isNotEmpty();
		assertThat(none.statements()).as("statements of a search that matches nothing")
			.isEqualTo(some.statements() - 1);
	}

	@Test
	void partnersMatchingNothingOrPastTheLastPageAreOnlyCounted() {
		var admin = this.fixtures.user(Role.ADMIN);
		var none = CountedStatements.of(this.dataSource,
				() -> this.partners.search(admin,
						new PartnerFilter("no partner is named this", null, null, null, null, "name", false),
						PageRequest.of(0, 10)));
		var past = CountedStatements.of(this.dataSource, () -> this.partners.search(admin,
				new PartnerFilter(null, null, null, null, null, "name", false), PageRequest.of(100_000, 10)));
		var some = CountedStatements.of(this.dataSource, () -> this.partners.search(admin,
				new PartnerFilter(null, null, null, null, null, "name", false), PageRequest.of(0, 10)));
		assertThat(none.result().total()).isZero();
		assertThat(past.result().items()).isEmpty();
		assertThat(some.result().items()).isNotEmpty();
		assertThat(none.statements()).as("a search that matches nothing").isEqualTo(some.statements() - 1);
		assertThat(past.statements()).as("a page past the last").isEqualTo(some.statements() - 1);
	}

}
