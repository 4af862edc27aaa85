package com.trellis.facts;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deal written while the facts are rebuilt waits for the rebuild, and neither is
 * cancelled: the write came after the rebuild had emptied the facts, held the deals and
 * waited for an emptied fact, while a later rebuild step (the funnel's, the prompted
 * deals') waited for the deals: a deadlock that cancelled one of them, answered 409
 * (s64). The rebuild now takes the deal tables before it empties any fact.
 */
@TrellisTest
class FactsRebuildBesideWritesTests {

	@Autowired
	DealFacts facts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDealWrittenDuringARebuildWaitsForItAndBothFinish() throws Exception {
		var world = this.fixtures.world("Rebuild Beside Writes s64");
		var otherRep = this.fixtures.user(Role.AE);
		var admin = this.fixtures.user(Role.ADMIN);
		var rebuild = CompletableFuture.supplyAsync(() -> this.facts.rebuild(admin));
		// once the rebuild holds the emptied rep facts
		for (int i = 0; i < 200 && !rebuild.isDone() && !repFactsEmptied(); i++) {
			Thread.sleep(25);
		}
		var write = CompletableFuture
			.runAsync(() -> this.jdbc.sql("UPDATE opportunity SET owner_id = :rep WHERE id = :id")
				.param("rep", otherRep.userId())
				.param("id", world.dealId())
				.update());
		assertThat(rebuild.get(120, TimeUnit.SECONDS).partnerDays()).isPositive();
		write.get(120, TimeUnit.SECONDS);
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
		var admin = this.fixtures.user(Role.ADMIN);
		var rebuild = CompletableFuture.supplyAsync(() -> this.facts.rebuild(admin));
		for (int i = 0; i < 200 && !rebuild.isDone() && !repFactsEmptied(); i++) {
			Thread.sleep(25);
		}
		var writes = java.util.List.of(CompletableFuture.runAsync(() -> this.jdbc.sql("""
				INSERT INTO activity_event (partner_id, type, occurred_at) VALUES (:p, 'PORTAL_LOGIN', now())""")
			.param("p", world.partnerId())
			.update()),
				CompletableFuture.runAsync(() -> this.jdbc
					.sql("""
							UPDATE partner SET onboarded_on = CURRENT_DATE - 3, lifecycle_status = 'ACTIVE' WHERE id = :p""")
					.param("p", world.partnerId())
					.update()),
				CompletableFuture.runAsync(() -> this.jdbc
					.sql("""
							INSERT INTO partner_lead (partner_id, submitted_by, company_name, contact_name, status, routing_reason,
							                          rep_id, submitted_at, routed_at, follow_up_due_at)
							VALUES (:p, :by, 'Rebuild lead', 'Someone', 'ROUTED', 'test', :rep, now(), now(), now() + interval '3 days')""")
					.param("p", world.partnerId())
					.param("by", world.partnerUser().userId())
					.param("rep", world.ae().userId())
					.update()));
		assertThat(rebuild.get(120, TimeUnit.SECONDS).partnerDays()).isPositive();
		for (var write : writes) {
			write.get(120, TimeUnit.SECONDS);
		}
	}

	private boolean repFactsEmptied() {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM pg_locks WHERE relation = CAST('rep_day_fact' AS regclass)
				               AND mode = 'AccessExclusiveLock' AND granted)""").query(Boolean.class).single();
	}

}
