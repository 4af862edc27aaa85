package com.trellis.hygiene;

import java.sql.Timestamp;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overlapping registrations, found one key at a time (account, registrable domain,
 * normalised name), are the pairs the join on any of the keys found: a pair sharing two
 * keys once, registrations of one partner or closed ones never.
 */
@TrellisTest
class OverlappingRegistrationTests {

	/** The check's query before V93: one join on account OR domain OR name. */
	private static final String JOIN_ON_ANY_KEY = """
			SELECT r.id || '>' || other.id
			FROM deal_registration r JOIN partner p ON p.id = r.partner_id
			JOIN deal_registration other ON other.id <> r.id AND other.partner_id <> r.partner_id
			     AND other.status IN ('PENDING', 'NEEDS_INFO', 'APPROVED')
			     AND (other.account_id = r.account_id OR other.registrable_domain = r.registrable_domain
			          OR other.normalized_name = r.normalized_name)
			WHERE r.status IN ('PENDING', 'NEEDS_INFO', 'APPROVED')
			  AND (CAST(:pam AS BIGINT) IS NULL OR r.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = :pam))
			ORDER BY r.id, other.id
			""";

	@Autowired
	Hygiene hygiene;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void theOverlapsFoundKeyByKeyAreThoseOfTheJoinOnAnyKeyForTheProgramAndABook() {
		var pam = this.fixtures.user(Role.PAM);
		var ae = this.fixtures.user(Role.AE);
		long ours = this.fixtures.partner("Overlap Ours", pam.userId());
		long rival = this.fixtures.partner("Overlap Rival", this.fixtures.user(Role.PAM).userId());
		long third = this.fixtures.partner("Overlap Third", this.fixtures.user(Role.PAM).userId());
		long account = this.fixtures.account("Morvellan Shared", "morvellan.example", ae.userId());
		long first = registration(ours, account, "Morvellan Shared", "morvellan.example", "PENDING");
		registration(rival, account, "Morvellan Division", "morvellan-division.example", "APPROVED");
		registration(third, null, "Morvellan Shared", "morvellan.example", "NEEDS_INFO");
		registration(ours, null, "Trevanor Ltd", "trevanor.example", "PENDING");
		registration(ours, null, "Trevanor Ltd", "trevanor.example", "APPROVED");
		registration(rival, null, "Trevanor Ltd", "trevanor.example", "REJECTED");
		registration(rival, null, "Caldrith Foods", "caldrith.example", "PENDING");
		registration(third, null, "Caldrith Foods Europe", "caldrith.example", "PENDING");

		var admin = this.fixtures.user(Role.ADMIN);
		var program = pairs(admin).stream().filter(p -> Long.parseLong(p.split(">")[0]) >= first).toList();
		assertThat(pairs(admin)).isEqualTo(joinOnAnyKey(null));
		assertThat(program).hasSize(6)
			.isEqualTo(joinOnAnyKey(null).stream().filter(p -> Long.parseLong(p.split(">")[0]) >= first).toList());
		var book = pairs(pam);
		assertThat(book).hasSize(2).isEqualTo(joinOnAnyKey(pam.userId()));
		assertThat(this.hygiene.summary(pam)).filteredOn(s -> s.check() == HygieneCheck.OVERLAPPING_REGISTRATIONS)
			.singleElement()
			.satisfies(s -> assertThat(s.count()).isEqualTo(2));
	}

	private List<String> pairs(Viewer viewer) {
		var pairs = new java.util.ArrayList<String>();
		for (int page = 0;; page++) {
			var found = this.hygiene.records(viewer, HygieneCheck.OVERLAPPING_REGISTRATIONS,
					new PageRequest(page, PageRequest.MAX_SIZE));
			found.items().forEach(r -> pairs.add(r.recordId() + ">" + r.problem().split(" ")[2]));
			if (!found.hasNext()) {
				return pairs;
			}
		}
	}

	private List<String> joinOnAnyKey(Long pam) {
		return this.jdbc.sql(JOIN_ON_ANY_KEY).param("pam", pam).query(String.class).list();
	}

	private long registration(long partner, Long account, String customer, String domain, String status) {
		var registrant = this.fixtures.user(Role.PARTNER, partner, null);
		return this.jdbc.sql("""
				INSERT INTO deal_registration (partner_id, registered_by, account_id, customer_name, customer_domain,
				       registrable_domain, normalized_name, customer_need, amount, currency, expected_close_date,
				       credit_type, partner_share, status, submitted_at)
				VALUES (:partner, :by, :account, :name, :domain, :domain, lower(:name), 'A need', 1000, 'USD',
				        '2027-06-30', 'SOURCED', 20, :status, :now) RETURNING id
				""")
			.param("partner", partner)
			.param("by", registrant.userId())
			.param("account", account)
			.param("name", customer)
			.param("domain", domain)
			.param("status", status)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

}
