package com.trellis.hygiene;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each hygiene check on a hand-built book: a new PAM with one partner, its reps, accounts
 * and deals, so the PAM's report holds exactly what the test made.
 */
@TrellisTest
class HygieneTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Hygiene hygiene;

	Viewer pam;

	Viewer ae;

	long partner;

	Api pamApi;

	@BeforeEach
	void book() {
		this.pam = this.fixtures.user(Role.PAM);
		this.ae = this.fixtures.user(Role.AE);
		this.partner = this.fixtures.partner("Hygiene Partner", this.pam.userId());
		this.pamApi = new Api(this.mvc, this.fixtures.token(this.pam));
	}

	@Test
	void openDealsMissingAnAmountOrACloseDateAreListedWithWhatIsMissing() throws Exception {
		long complete = deal(account("Complete Customer", "complete.example"), this.ae);
		long missing = deal(account("Vague Customer", "vague.example"), this.ae);
		this.jdbc.sql("UPDATE opportunity SET amount = 0, close_date = NULL WHERE id = ?").param(missing).update();

		assertThat(records(HygieneCheck.MISSING_FIELDS)).containsExactly(missing + ": missing amount, close date");
		assertThat(complete).isNotEqualTo(missing);
	}

	@Test
	void aDealLongerInItsStageThanTheNormIsStaleAndAFreshOneIsNot() {
		long fresh = deal(account("Fresh Customer", "fresh.example"), this.ae);
		long stale = deal(account("Sleepy Customer", "sleepy.example"), this.ae);
		this.jdbc.sql("UPDATE opportunity SET stage_entered_at = ? WHERE id = ?")
			.param(Timestamp.from(this.clock.instant().minus(Duration.ofDays(30))))
			.param(stale)
			.update();

		assertThat(records(HygieneCheck.STALE_DEALS)).containsExactly(stale + ": 30 days in Qualified, norm 21 days");
		assertThat(fresh).isNotEqualTo(stale);

		// at the norm (21 days and some hours) a deal is on time, as on its own page; a
		// day later it is stale
		long atNorm = deal(account("Punctual Customer", "punctual.example"), this.ae);
		this.jdbc.sql("UPDATE opportunity SET stage_entered_at = ? WHERE id = ?")
			.param(Timestamp.from(this.clock.instant().minus(Duration.ofDays(21).plusHours(5))))
			.param(atNorm)
			.update();
		assertThat(records(HygieneCheck.STALE_DEALS)).containsExactly(stale + ": 30 days in Qualified, norm 21 days");
		this.jdbc.sql("UPDATE opportunity SET stage_entered_at = ? WHERE id = ?")
			.param(Timestamp.from(this.clock.instant().minus(Duration.ofDays(22))))
			.param(atNorm)
			.update();
		assertThat(records(HygieneCheck.STALE_DEALS)).contains(atNorm + ": 22 days in Qualified, norm 21 days");
	}

	@Test
	void aPassedCloseDateOrOneMovedMoreThanTwiceIsASlip() throws Exception {
		long passed = deal(account("Late Customer", "late.example"), this.ae);
		this.jdbc.sql("UPDATE opportunity SET close_date = ? WHERE id = ?")
			.param(LocalDate.of(2026, 11, 1))
			.param(passed)
			.update();
		long movedThrice = deal(account("Drifting Customer", "drifting.example"), this.ae);
		long movedTwice = deal(account("Steady Customer", "steady.example"), this.ae);
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		for (var day : List.of("2027-01-15", "2027-02-15", "2027-03-15")) {
			admin.put("/api/v1/opportunities/" + movedThrice, edit(movedThrice, day)).andExpect(status().isOk());
		}
		for (var day : List.of("2027-01-15", "2027-02-15")) {
			admin.put("/api/v1/opportunities/" + movedTwice, edit(movedTwice, day)).andExpect(status().isOk());
		}

		assertThat(records(HygieneCheck.SLIPPED_CLOSE_DATES))
			.containsExactly(passed + ": close date 2026-11-01 has passed", movedThrice + ": close date moved 3 times");
	}

	@Test
	void anAccountWithoutAWebDomainIsListed() {
		long bare = account("Bare Customer", null);
		deal(bare, this.ae);
		deal(account("Dressed Customer", "dressed.example"), this.ae);

		assertThat(records(HygieneCheck.ACCOUNTS_WITHOUT_DOMAIN)).containsExactly(bare + ": no web domain");
	}

	@Test
	void accountsThatAreOneCustomerAreFoundByDomainOrNearIdenticalNameButNotMerelySimilarOnes() {
		long acme = account("Qworvex Holdings", "qworvex.example.com");
		long acmeShop = account("Qworvex Retail", "shop.qworvex.example.com");
		long typo = account("Zyndrake Analytics", null);
		long original = account("Zyndarke Analytics", null);
		long other = account("Zyndrake Logistics", null);
		for (long account : List.of(acme, acmeShop, typo, original, other)) {
			deal(account, this.ae);
		}

		var found = records(HygieneCheck.DUPLICATE_ACCOUNTS);

		assertThat(found).hasSize(4);
		assertThat(found.get(0)).startsWith(acme + ": same customer as account " + acmeShop)
			.contains("same registrable domain");
		assertThat(found.get(1)).startsWith(acmeShop + ": same customer as account " + acme);
		assertThat(found.get(2)).startsWith(typo + ": same customer as account " + original)
			.contains("differ only by spelling");
		assertThat(found.get(3)).startsWith(original + ": same customer as account " + typo);
		assertThat(String.join("\n", found)).doesNotContain("account " + other);
	}

	@Test
	void duplicateAccountsAreCountedListedAndDownloadedAsOneRecordPerAccountWithAllItsDuplicates() throws Exception {
		long first = account("Brontavel Freight", "brontavel.com");
		long second = account("Brontavel Cargo", "brontavel.com");
		long third = account("Brontavel Shipping", "www.brontavel.com");
		for (long account : List.of(first, second, third)) {
			deal(account, this.ae);
		}

		var found = records(HygieneCheck.DUPLICATE_ACCOUNTS);

		assertThat(found).hasSize(3);
		assertThat(found.get(0)).startsWith(first + ": same customer as account " + second)
			.contains("account " + third);
		this.pamApi.get("/api/v1/hygiene")
			.andExpect(jsonPath("$[?(@.check == 'DUPLICATE_ACCOUNTS')].count").value(hasItem(3)));
		this.pamApi.get("/api/v1/hygiene/DUPLICATE_ACCOUNTS").andExpect(jsonPath("$.total").value(3));
		var csv = this.pamApi.get("/api/v1/hygiene/DUPLICATE_ACCOUNTS/records.csv")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.split("\r\n")).hasSize(1 + 3);
	}

	@Test
	void theReportOverAProgramOfThousandsOfSimilarlyNamedAccountsAnswersQuickly() {
		int added = this.jdbc
			.sql("""
					INSERT INTO account (name, web_domain, registrable_domain, normalized_name, owner_ae_id, created_at, updated_at)
					SELECT initcap(w1 || ' ' || w2), w1 || w2 || '.example', w1 || w2 || '.example', w1 || ' ' || w2, :owner, now(), now()
					FROM unnest(string_to_array('northwind bluepeak global summit harbor pioneer vertex meridian cobalt granite '
					         || 'crescent sterling atlas beacon cascade evergreen falcon horizon keystone lakeside nimbus orion '
					         || 'pinnacle quantum redwood sapphire titan unity vanguard willow', ' ')) AS a(w1)
					CROSS JOIN unnest(string_to_array('systems solutions logistics analytics partners holdings networks '
					         || 'consulting industries dynamics labs group software services ventures capital health foods '
					         || 'energy media retail freight robotics security finance insurance mining motors pharma '
					         || 'textiles travel foundry studios brands devices outfitters supplies telecom trading transport '
					         || 'digital engineering farms fabrics imaging institute markets metals optics packaging plastics '
					         || 'power printing products research resources shipping steel storage technologies tools works '
					         || 'aerospace agency apparel audio biotech builders cargo chemicals clinics cloud data', ' ')) AS b(w2)
					""")
			.param("owner", this.ae.userId())
			.update();
		var admin = this.fixtures.user(Role.ADMIN);
		this.duplicateAccounts.recomputeIfDue();

		long started = System.nanoTime();
		this.hygiene.summary(admin);
		this.hygiene.records(admin, HygieneCheck.DUPLICATE_ACCOUNTS, new com.trellis.shared.PageRequest(0, 200));
		this.hygiene.summary(this.pam);

		var took = Duration.ofNanos(System.nanoTime() - started);
		this.jdbc.sql("DELETE FROM account WHERE owner_ae_id = :owner AND web_domain LIKE '%.example'")
			.param("owner", this.ae.userId())
			.update();
		assertThat(added).isGreaterThan(2_000);
		assertThat(took).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void duplicateAccountsAreDecidedOnceAndDecidedAgainOnlyWhenAnAccountChanges() {
		this.duplicateAccounts.recomputeIfDue();
		assertThat(this.duplicateAccounts.recomputeIfDue()).as("nothing changed: nothing to decide again").isFalse();
		long first = account("Vexlorin Labs", "vexlorin.com");
		deal(first, this.ae);
		long second = account("Vexlorin Laboratories", "vexlorin.com");
		deal(second, this.ae);

		assertThat(this.duplicateAccounts.recomputeIfDue()).isTrue();
		assertThat(records(HygieneCheck.DUPLICATE_ACCOUNTS))
			.anySatisfy(r -> assertThat(r).startsWith(first + ": same customer as account " + second));
		assertThat(this.duplicateAccounts.recomputeIfDue()).isFalse();
		this.jdbc
			.sql("UPDATE account SET name = 'Other Name Co', web_domain = 'othername.com', "
					+ "registrable_domain = 'othername.com', normalized_name = 'other name co' WHERE id = ?")
			.param(second)
			.update();
		assertThat(this.duplicateAccounts.recomputeIfDue()).isTrue();
		assertThat(records(HygieneCheck.DUPLICATE_ACCOUNTS)).noneSatisfy(r -> assertThat(r).startsWith(first + ":"));
	}

	@Autowired
	DuplicateAccounts duplicateAccounts;

	@Test
	void aChecksPageListsItsRecordsWithoutCountingEveryCheckAgain() throws Exception {
		long bare = account("Paged Bare Customer", null);
		deal(bare, this.ae);

		var session = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", this.fixtures.email(this.pam))
				.param("password", "secret")
				.with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		var html = this.mvc.perform(get("/hygiene/ACCOUNTS_WITHOUT_DOMAIN").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("Paged Bare Customer")
			.contains("/hygiene/DUPLICATE_ACCOUNTS")
			.doesNotContain("id=\"hygiene-checks\"");
	}

	@Test
	void aDealOwnedByAnotherRepThanTheAccountsOwnerIsAConflict() {
		var otherAe = this.fixtures.user(Role.AE);
		long account = account("Contested Customer", "contested.example");
		deal(account, this.ae);
		long conflicting = deal(account, otherAe);

		assertThat(records(HygieneCheck.OWNER_NOT_ACCOUNT_OWNER)).singleElement()
			.asString()
			.startsWith(conflicting + ": owned by " + otherAe.name());
	}

	@Test
	void openRegistrationsOfTwoPartnersForOneCustomerOverlap() {
		var otherPam = this.fixtures.user(Role.PAM);
		long rival = this.fixtures.partner("Rival Partner", otherPam.userId());
		long ours = registration(this.partner, "Overlap Customer", "overlap.example");
		registration(rival, "Overlap Customer Inc", "overlap.example");
		registration(this.partner, "Lone Customer", "lone.example");
		this.duplicateAccounts.recomputeIfDue();

		assertThat(records(HygieneCheck.OVERLAPPING_REGISTRATIONS)).singleElement()
			.asString()
			.startsWith(ours + ": overlaps 1 open registration of other partners")
			.contains("of Rival Partner for Overlap Customer Inc");
	}

	@Test
	void theFixHandsADeactivatedOwnersDealsToTheAccountOwnerAuditedAndLeavesTheRestWithAReason() throws Exception {
		var leaver = this.fixtures.user(Role.AE);
		long handed = deal(account("Handed Customer", "handed.example"), leaver);
		long stuck = deal(account("Stuck Customer", "stuck.example", leaver), leaver);
		this.jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(leaver.userId()).update();
		assertThat(records(HygieneCheck.DEACTIVATED_OWNERS)).hasSize(2);

		this.pamApi.post("/api/v1/hygiene/DEACTIVATED_OWNERS/fix", "").andExpect(status().isForbidden());
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin.post("/api/v1/hygiene/DEACTIVATED_OWNERS/fix", "")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.left[*].recordId", hasItem((int) stuck)))
			.andExpect(jsonPath("$.left[*].recordId", not(hasItem((int) handed))));

		assertThat(owner(handed)).isEqualTo(this.ae.userId());
		assertThat(owner(stuck)).isEqualTo(leaver.userId());
		assertThat(records(HygieneCheck.DEACTIVATED_OWNERS)).singleElement().asString().startsWith(stuck + ":");
		assertThat(this.jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'opportunity' AND entity_id = ?")
			.param(String.valueOf(handed))
			.query(String.class)
			.list()).anyMatch(action -> action.startsWith("hygiene fix"));
	}

	@Test
	void aPamSeesOnlyTheirBookAndTheAdminTheWholeProgram() throws Exception {
		var otherPam = this.fixtures.user(Role.PAM);
		long elsewhere = this.fixtures.partner("Elsewhere Partner", otherPam.userId());
		long theirs = account("Elsewhere Customer", null);
		this.fixtures.partnerDeal(theirs, this.ae.userId(), elsewhere, "1000.00");
		long ours = account("Our Bare Customer", null);
		deal(ours, this.ae);

		assertThat(records(HygieneCheck.ACCOUNTS_WITHOUT_DOMAIN)).containsExactly(ours + ": no web domain");
		var admin = this.fixtures.user(Role.ADMIN);
		var all = this.hygiene.records(admin, HygieneCheck.ACCOUNTS_WITHOUT_DOMAIN,
				new com.trellis.shared.PageRequest(0, 200));
		long total = all.total();
		assertThat(total).isGreaterThanOrEqualTo(2);
		this.pamApi.get("/api/v1/hygiene")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.check == 'ACCOUNTS_WITHOUT_DOMAIN')].count").value(hasItem(1)));
	}

	@Test
	void partnerUsersAndAccountExecutivesAreRefused() throws Exception {
		var partnerUser = this.fixtures.user(Role.PARTNER, this.partner, null);
		for (var viewer : List.of(partnerUser, this.ae)) {
			var api = new Api(this.mvc, this.fixtures.token(viewer));
			api.get("/api/v1/hygiene").andExpect(status().isForbidden());
			api.get("/api/v1/hygiene/MISSING_FIELDS").andExpect(status().isForbidden());
			api.get("/api/v1/hygiene/MISSING_FIELDS/records.csv").andExpect(status().isForbidden());
			api.post("/api/v1/hygiene/DEACTIVATED_OWNERS/fix", "").andExpect(status().isForbidden());
		}
	}

	@Test
	void aChecksRecordsDownloadAsCsvAndAnUnknownCheckIsABadRequest() throws Exception {
		long bare = account("Csv Customer, Ltd", null);
		deal(bare, this.ae);

		this.pamApi.get("/api/v1/hygiene/ACCOUNTS_WITHOUT_DOMAIN/records.csv")
			.andExpect(status().isOk())
			.andExpect(content().string("\uFEFFrecord_type,record_id,name,problem,owner\r\naccount," + bare
					+ ",\"Csv Customer, Ltd\",no web domain," + this.ae.name() + "\r\n"));
		this.pamApi.get("/api/v1/hygiene/NO_SUCH_CHECK").andExpect(status().isBadRequest());
	}

	private List<String> records(HygieneCheck check) {
		if (check == HygieneCheck.DUPLICATE_ACCOUNTS) {
			this.duplicateAccounts.recomputeIfDue();
		}
		return this.hygiene.records(this.pam, check, new com.trellis.shared.PageRequest(0, 200))
			.items()
			.stream()
			.map(r -> r.recordId() + ": " + r.problem())
			.toList();
	}

	private long account(String name, String domain) {
		return account(name, domain, this.ae);
	}

	private long account(String name, String domain, Viewer owner) {
		return this.fixtures.account(name, domain, owner.userId());
	}

	private long deal(long account, Viewer owner) {
		return this.fixtures.partnerDeal(account, owner.userId(), this.partner, "5000.00");
	}

	private long owner(long deal) {
		return this.jdbc.sql("SELECT owner_id FROM opportunity WHERE id = ?").param(deal).query(Long.class).single();
	}

	private String edit(long deal, String closeDate) {
		var row = this.jdbc.sql("SELECT account_id, owner_id FROM opportunity WHERE id = ?")
			.param(deal)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		return """
				{"accountId": %d, "name": "Fixture deal", "amount": 5000, "currency": "USD", "stage": "QUALIFIED",
				 "closeDate": "%s", "source": "PARTNER", "partnerId": %d, "creditType": "SOURCED", "partnerShare": 20,
				 "ownerId": %d}
				""".formatted(row[0], closeDate, this.partner, row[1]);
	}

	private long registration(long partner, String customer, String domain) {
		var registrant = this.fixtures.user(Role.PARTNER, partner, null);
		return this.jdbc
			.sql("""
					INSERT INTO deal_registration (partner_id, registered_by, customer_name, customer_domain, registrable_domain,
					       normalized_name, customer_need, amount, currency, expected_close_date, credit_type, partner_share,
					       status, submitted_at)
					VALUES (:partner, :by, :name, :domain, :domain, lower(:name), 'A need', 1000, 'USD', '2027-06-30',
					        'SOURCED', 20, 'PENDING', :now) RETURNING id
					""")
			.param("partner", partner)
			.param("by", registrant.userId())
			.param("name", customer)
			.param("domain", domain)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

}
