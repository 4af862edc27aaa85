package com.trellis.webhooks;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.imports.TrellisFormats;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.PartnerLifecycleChanged;
import com.trellis.partners.Partners;
import com.trellis.partners.Tier;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an import changes announces nothing outside Trellis, also when a listener reacts
 * to it later, in a transaction of its own (docs/webhooks.md): here a tier recount that
 * listens to lifecycle changes after they commit, as any
 * {@code @ApplicationModuleListener} does. A partner's lifecycle changed by a
 * partners-format import moves its tier later, and no {@code partner.tier_changed}
 * message is written; the same lifecycle change made in Trellis moves the tier the same
 * way and writes exactly one.
 */
@TrellisTest
@Import(LaterListenersOfImportsTests.Recount.class)
class LaterListenersOfImportsTests {

	/** A tier recount that runs after a lifecycle change commits, for armed partners. */
	@TestConfiguration
	static class Recount {

		static final Set<Long> armed = ConcurrentHashMap.newKeySet();

		@Bean
		LaterTierRecount laterTierRecount(Partners partners) {
			return new LaterTierRecount(partners);
		}

	}

	static class LaterTierRecount {

		private final Partners partners;

		LaterTierRecount(Partners partners) {
			this.partners = partners;
		}

		@ApplicationModuleListener
		void on(PartnerLifecycleChanged event) {
			if (Recount.armed.remove(event.partnerId())) {
				this.partners.changeTier(event.partnerId(), Tier.TIER_1_INVEST, AuditLog.Actor.SYSTEM,
						"recounted after the lifecycle change");
			}
		}

	}

	@Autowired
	TrellisFormats formats;

	@Autowired
	Partners partners;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Viewer admin;

	Fixtures.World world;

	String name;

	long subscription;

	@BeforeEach
	void subscribed() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.name = "Later Listener " + System.nanoTime();
		this.world = this.fixtures.world(this.name);
		this.subscription = this.jdbc.sql("""
				INSERT INTO webhook_subscription (url, event_types, secret, created_at, updated_at)
				VALUES ('https://hooks.example.com/later', ARRAY['partner.tier_changed'], 'whsec_test', now(), now())
				RETURNING id""").query(Long.class).single();
		Recount.armed.add(this.world.partnerId());
	}

	@AfterEach
	void unsubscribed() {
		Recount.armed.remove(this.world.partnerId());
		this.jdbc.sql("DELETE FROM webhook_delivery WHERE subscription_id = ?").param(this.subscription).update();
		this.jdbc.sql("DELETE FROM webhook_subscription WHERE id = ?").param(this.subscription).update();
	}

	@Test
	void aTierMovedLaterBecauseOfAnImportedLifecycleChangeSendsNoWebhook() {
		long partner = this.world.partnerId();
		var csv = "id,name,type,region,lifecycle_status\n" + partner + "," + this.name + ",SI,EMEA,DORMANT\n";
		var report = this.formats.run(this.admin, TrellisFormats.Format.PARTNERS, csv, false);
		assertThat(report.errors()).isEmpty();
		assertThat(report.updated()).isEqualTo(1);
		// the listener runs after the commit on another thread; the outbox writes its
		// message (or none) in the listener's transaction, with the tier
		awaitTier(partner);
		assertThat(messages(partner)).isZero();
	}

	@Test
	void theSameLifecycleChangeMadeInTrellisSendsExactlyOneWebhookForTheLaterTierMove() {
		long partner = this.world.partnerId();
		this.partners.changeLifecycle(this.admin, partner, LifecycleStatus.DORMANT, "quiet for a quarter");
		awaitTier(partner);
		assertThat(messages(partner)).isEqualTo(1);
	}

	private void awaitTier(long partner) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(tier(partner)).as("the later listener ran and moved the tier")
				.isEqualTo("TIER_1_INVEST"));
	}

	private String tier(long partner) {
		return this.jdbc.sql("SELECT tier FROM partner WHERE id = ?").param(partner).query(String.class).single();
	}

	private long messages(long partner) {
		return this.jdbc.sql("""
				SELECT count(*) FROM webhook_message m JOIN webhook_delivery d ON d.message_id = m.id
				WHERE d.subscription_id = :subscription
				  AND CAST(CAST(m.body AS JSONB) -> 'data' ->> 'partnerId' AS BIGINT) = :partner""")
			.param("subscription", this.subscription)
			.param("partner", partner)
			.query(Long.class)
			.single();
	}

}
