package com.trellis.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One admin override in the demo, so that a newcomer sees how one looks: the first active
 * Tier 3 partner set to Tier 2 by the program two weeks ago for eight weeks more. The
 * weekly evaluation at start-up leaves it alone while the override is in force.
 */
final class DemoTiers {

	static final String REASON = "Launch partner for the healthcare vertical: invest ahead of the scores";

	private DemoTiers() {
	}

	static void override(JdbcClient jdbc, LocalDate today, Instant now) {
		var partner = jdbc
			.sql("""
					SELECT id FROM partner WHERE tier = 'TIER_3_BASELINE' AND lifecycle_status = 'ACTIVE' ORDER BY id LIMIT 1
					""")
			.query(Long.class)
			.optional();
		var admin = jdbc.sql("SELECT id FROM app_user WHERE role = 'ADMIN' ORDER BY id LIMIT 1")
			.query(Long.class)
			.optional();
		if (partner.isEmpty() || admin.isEmpty()) {
			return;
		}
		var starts = Date.valueOf(today.minusDays(14));
		var at = Timestamp.from(now.minusSeconds(14 * 86400L));
		jdbc.sql("""
				INSERT INTO tier_override (partner_id, tier, reason, starts_on, expires_on, created_by, created_at)
				VALUES (:partner, 'TIER_2_EMERGING', :reason, :starts, :expires, :admin, :at)
				""")
			.param("partner", partner.get())
			.param("reason", REASON)
			.param("starts", starts)
			.param("expires", Date.valueOf(today.plusDays(56)))
			.param("admin", admin.get())
			.param("at", at)
			.update();
		jdbc.sql(
				"""
						INSERT INTO tier_change (partner_id, from_tier, to_tier, effective_on, kind, reason, changed_by, changed_at)
						VALUES (:partner, 'TIER_3_BASELINE', 'TIER_2_EMERGING', :starts, 'OVERRIDE', :reason, :admin, :at)
						""")
			.param("partner", partner.get())
			.param("starts", starts)
			.param("reason", "override until " + today.plusDays(56) + ": " + REASON)
			.param("admin", admin.get())
			.param("at", at)
			.update();
		jdbc.sql("UPDATE partner SET tier = 'TIER_2_EMERGING' WHERE id = :partner")
			.param("partner", partner.get())
			.update();
	}

}
