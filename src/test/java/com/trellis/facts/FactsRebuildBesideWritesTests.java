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

	private boolean repFactsEmptied() {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM pg_locks WHERE relation = CAST('rep_day_fact' AS regclass)
				               AND mode = 'AccessExclusiveLock' AND granted)""").query(Boolean.class).single();
	}

}
