package com.trellis.facts;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records written while the facts are rebuilt wait for the rebuild, and neither is
 * cancelled: a deal write came after the rebuild had emptied the facts, held the deals
 * and waited for an emptied fact, while a later rebuild step (the funnel's, the prompted
 * deals') waited for the deals: a deadlock that cancelled one of them, answered 409
 * (s64). The rebuild now takes the deal tables before it empties any fact. Each test
 * holds the rebuild at a lock it takes (the test holds a conflicting one) until the
 * writes have started, so they meet it in every run: the deal write at the stage history,
 * where the funnel's step waited for it before the fix; the others at the leads' facts,
 * the last step, with every other fact emptied and locked.
 */
@TrellisTest
class FactsRebuildBesideWritesTests {

	@Autowired
	DealFacts facts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void aDealWrittenDuringARebuildWaitsForItAndBothFinish() throws Exception {
		var world = this.fixtures.world("Rebuild Beside Writes s64");
		var otherRep = this.fixtures.user(Role.AE);
		rebuildBeside("metrics_funnel_entry",
				List.of(() -> this.jdbc.sql("UPDATE opportunity SET owner_id = :rep WHERE id = :id")
					.param("rep", otherRep.userId())
					.param("id", world.dealId())
					.update()));
		assertThat(this.jdbc.sql("SELECT owner_id FROM opportunity WHERE id = :id")
			.param("id", world.dealId())
			.query(Long.class)
			.single()).as("the write committed").isEqualTo(otherRep.userId());
	}

	/**
	 * The other records the rebuild counts from (activity, a partner's lifecycle, leads
	 * and their routing), written at the same moment: each waits, none is cancelled.
	 */
	@Test
	void activityPartnersAndLeadsWrittenDuringARebuildWaitForIt() throws Exception {
		var world = this.fixtures.world("Rebuild Beside Other Writes");
		rebuildBeside("partner_lead_missed_route", List.of(() -> this.jdbc.sql("""
				INSERT INTO activity_event (partner_id, type, occurred_at) VALUES (:p, 'PORTAL_LOGIN', now())""")
			.param("p", world.partnerId())
			.update(),
				() -> this.jdbc
					.sql("""
							UPDATE partner SET onboarded_on = CURRENT_DATE - 3, lifecycle_status = 'ACTIVE' WHERE id = :p""")
					.param("p", world.partnerId())
					.update(),
				() -> this.jdbc
					.sql("""
							INSERT INTO partner_lead (partner_id, submitted_by, company_name, contact_name, status, routing_reason,
							                          rep_id, submitted_at, routed_at, follow_up_due_at)
							VALUES (:p, :by, 'Rebuild lead', 'Someone', 'ROUTED', 'test', :rep, now(), now(), now() + interval '3 days')""")
					.param("p", world.partnerId())
					.param("by", world.partnerUser().userId())
					.param("rep", world.ae().userId())
					.update()));
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_lead WHERE company_name = 'Rebuild lead'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * Starts a rebuild, holds it where it locks {@code held} until the writes have
	 * started, then lets it finish; fails when the rebuild or a write fails.
	 */
	private void rebuildBeside(String held, List<Runnable> writes) throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		CompletableFuture<DealFacts.Rebuilt> rebuild;
		var started = new java.util.ArrayList<CompletableFuture<Void>>();
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			holder.createStatement().execute("LOCK TABLE " + held + " IN ROW EXCLUSIVE MODE");
			rebuild = CompletableFuture.supplyAsync(() -> this.facts.rebuild(admin));
			for (int i = 0; i < 400 && !rebuild.isDone() && !waitingFor(held); i++) {
				Thread.sleep(25);
			}
			assertThat(waitingFor(held)).as("the rebuild waits for " + held).isTrue();
			writes.forEach(write -> started.add(CompletableFuture.runAsync(write)));
			Thread.sleep(300);
			holder.commit();
		}
		assertThat(rebuild.get(120, TimeUnit.SECONDS).partnerDays()).isPositive();
		for (var write : started) {
			write.get(120, TimeUnit.SECONDS);
		}
	}

	private boolean waitingFor(String table) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM pg_locks WHERE relation = CAST(:t AS regclass) AND NOT granted)""")
			.param("t", table)
			.query(Boolean.class)
			.single();
	}

}
