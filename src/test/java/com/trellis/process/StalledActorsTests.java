package com.trellis.process;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.support.Fixtures;
import com.trellis.support.CountedStatements;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stalled deals' actors (a sales manager's home) are named from one reading of the
 * people a page names: the same words as one deal's process page, whatever the number of
 * deals (issue 15: one user look-up per deal, two for a deal in a manager's stage).
 */
@TrellisTest
class StalledActorsTests {

	@Autowired
	SalesProcess process;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void eachStalledDealNamesWhoActsAsItsProcessPageDoes() {
		var head = this.fixtures.user(Role.SALES_MANAGER);
		var away = this.fixtures.user(Role.SALES_MANAGER, null, head.userId());
		this.jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(away.userId()).update();
		var managed = this.fixtures.user(Role.AE, null, head.userId());
		var behindAway = this.fixtures.user(Role.AE, null, away.userId());
		var alone = this.fixtures.user(Role.AE);
		var world = this.fixtures.world("Stalled Actor Partners");
		long withPartner = deal(managed, "REGISTERED", world.partnerId());
		long direct = deal(managed, "REGISTERED", null);
		long qualified = deal(managed, "QUALIFIED", world.partnerId());
		long commitManaged = deal(managed, "COMMIT", null);
		long commitBehindAway = deal(behindAway, "COMMIT", world.partnerId());
		long commitAlone = deal(alone, "COMMIT", null);
		var admin = this.fixtures.user(Role.ADMIN);

		var actors = actors(admin, List.of(managed.userId(), behindAway.userId(), alone.userId()));

		assertThat(actors).containsEntry(withPartner, world.pam().name() + ", PAM")
			.containsEntry(direct, "a program admin (the deal has no partner)")
			.containsEntry(qualified, managed.name() + ", AE (deal owner)")
			.containsEntry(commitManaged, head.name() + ", sales manager")
			.containsEntry(commitBehindAway, head.name() + ", sales manager")
			.containsEntry(commitAlone, alone.name() + ", AE (deal owner)")
			.hasSize(6);
		actors.forEach((deal, actor) -> assertThat(this.process.of(admin, deal).actor()).isEqualTo(actor));
	}

	@Test
	void aPageOfFifteenStalledDealsSendsAsManyStatementsAsOneOfThree() {
		var head = this.fixtures.user(Role.SALES_MANAGER);
		var many = this.fixtures.user(Role.AE, null, head.userId());
		var few = this.fixtures.user(Role.AE, null, head.userId());
		var world = this.fixtures.world("Stalled Count Partners");
		for (int i = 0; i < 5; i++) {
			deal(many, "COMMIT", world.partnerId());
			deal(many, "QUALIFIED", world.partnerId());
			deal(many, "REGISTERED", world.partnerId());
		}
		deal(few, "COMMIT", world.partnerId());
		deal(few, "QUALIFIED", world.partnerId());
		deal(few, "REGISTERED", world.partnerId());
		var admin = this.fixtures.user(Role.ADMIN);

		var ofMany = CountedStatements.of(this.dataSource,
				() -> this.process.stalledOwnedBy(admin, List.of(many.userId()), PageRequest.of(0, 25)));
		var ofFew = CountedStatements.of(this.dataSource,
				() -> this.process.stalledOwnedBy(admin, List.of(few.userId()), PageRequest.of(0, 25)));

		assertThat(ofMany.result().items()).hasSize(15);
		assertThat(ofFew.result().items()).hasSize(3);
		assertThat(ofMany.statements()).as("statements for 15 stalled deals").isEqualTo(ofFew.statements());
	}

	private Map<Long, String> actors(Viewer viewer, List<Long> owners) {
		return this.process.stalledOwnedBy(viewer, owners, PageRequest.of(0, 50))
			.items()
			.stream()
			.collect(Collectors.toMap(s -> s.stalled().deal().id(), SalesProcess.Stalled::actor));
	}

	/** An open deal of {@code owner} that entered {@code stage} 120 days ago. */
	/**
	 * The process page's stalled list exports as CSV, every deal the reader's list holds
	 * with its days against the norm and who must act.
	 */
	@Test
	void theStalledListExportsWhatTheReaderSees() throws Exception {
		var rep = this.fixtures.user(Role.AE);
		long own = deal(rep, "COMMIT", null);
		var session = new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(rep);

		var csv = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/process/stalled.csv")
				.session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("\uFEFFopportunity_id,deal,account_id,account,"
				+ "stage,stage_name,stage_entered_at,days_in_stage,norm_days,must_act,owner_id,partner_id,amount,"
				+ "currency,close_date");
		assertThat(csv.lines().filter(l -> l.startsWith(own + ",Stalled deal,"))).singleElement()
			.satisfies(l -> assertThat(l).contains(",COMMIT,")
				.contains(",120,")
				.contains(rep.name() + ", AE (deal owner)")
				.contains(",50000.00,USD,"));
		assertThat(com.trellis.support.Readers.read(this.mvc, session, "/process"))
			.contains("href=\"/process/stalled.csv\"");
	}

	private long deal(Viewer owner, String stage, Long partnerId) {
		var account = this.fixtures.account("Stalled account " + owner.userId() + " " + stage, null, owner.userId());
		var entered = Timestamp.from(this.clock.instant().minus(Duration.ofDays(120)));
		return this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
					                         partner_id, credit_type, partner_share, stage_entered_at, created_at, updated_at)
					VALUES (:account, 'Stalled deal', 50000, 'USD', :stage, :close, :owner,
					        CASE WHEN :partner::bigint IS NULL THEN 'DIRECT' ELSE 'PARTNER' END, :partner,
					        CASE WHEN :partner::bigint IS NULL THEN NULL ELSE 'SOURCED' END,
					        CASE WHEN :partner::bigint IS NULL THEN NULL ELSE 20 END, :entered, :entered, :entered)
					RETURNING id
					""")
			.param("account", account)
			.param("stage", stage)
			.param("close", java.time.LocalDate.now(this.clock).plusDays(30))
			.param("owner", owner.userId())
			.param("partner", partnerId, java.sql.Types.BIGINT)
			.param("entered", entered)
			.query(Long.class)
			.single();
	}

}
