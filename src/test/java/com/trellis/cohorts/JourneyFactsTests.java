package com.trellis.cohorts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts the journey placement reads for every partner are counted in grouped passes;
 * they must equal the same counts taken for one partner at a time, at any cut-off.
 */
@TrellisTest
class JourneyFactsTests {

	@Autowired
	JourneyRepository journey;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyPartnersJourneyFactsEqualItsOwnCountsAtEachCutOff() {
		var latest = latest("SELECT max(occurred_at) FROM activity_event");
		// another test class may have written the latest event years ahead: the latest
		// enablement event is a cut-off too, so that each count occurs at one of them
		var enablement = latest(
				"SELECT max(occurred_at) FROM activity_event WHERE type IN ('TRAINING_COMPLETED', 'CERTIFICATION_EARNED')");
		var seen = new java.util.ArrayList<JourneyPlacement.Facts>();
		for (var end : new Instant[] { latest.plusSeconds(1), latest.minus(Duration.ofDays(45)),
				latest.minus(Duration.ofDays(200)), enablement.plusSeconds(1) }) {
			var counted = this.journey.facts(end);
			var expected = onePartnerAtATime(end);
			assertThat(counted).as("journey facts at %s", end).isEqualTo(expected);
			seen.addAll(counted.values());
		}
		// the comparison means something only when each count occurs in the data
		assertThat(seen).anyMatch(f -> f.enablement180() > 0)
			.anyMatch(f -> f.deals180() > 0)
			.anyMatch(f -> f.wins365() > 0)
			.anyMatch(f -> f.aeInvites365() > 0);
	}

	private Instant latest(String sql) {
		return this.jdbc.sql(sql).query(Timestamp.class).single().toInstant();
	}

	/** The counts as the placement first took them: sub-queries per partner. */
	private Map<Long, JourneyPlacement.Facts> onePartnerAtATime(Instant end) {
		var facts = new HashMap<Long, JourneyPlacement.Facts>();
		this.jdbc.sql("""
				SELECT p.id,
				  (SELECT count(*) FROM activity_event e WHERE e.partner_id = p.id
				     AND e.type IN ('TRAINING_COMPLETED', 'CERTIFICATION_EARNED')
				     AND e.occurred_at < :end AND e.occurred_at >= CAST(:end AS TIMESTAMPTZ) - INTERVAL '180 days'),
				  (SELECT count(*) FROM opportunity o WHERE o.partner_id = p.id
				     AND o.created_at < :end AND o.created_at >= CAST(:end AS TIMESTAMPTZ) - INTERVAL '180 days'),
				  (SELECT count(DISTINCT c.opportunity_id) FROM opportunity_stage_change c
				     JOIN opportunity o ON o.id = c.opportunity_id
				     WHERE o.partner_id = p.id AND c.to_stage = 'CLOSED_WON'
				     AND c.changed_at < :end AND c.changed_at >= CAST(:end AS TIMESTAMPTZ) - INTERVAL '365 days'),
				  (SELECT count(*) FROM deal_partner_attachment d JOIN app_user u ON u.id = d.attached_by
				     WHERE d.partner_id = p.id AND d.via = 'REP' AND d.credit_type <> 'SOURCED'
				     AND u.role IN ('AE', 'SALES_MANAGER')
				     AND d.attached_at < :end AND d.attached_at >= CAST(:end AS TIMESTAMPTZ) - INTERVAL '365 days')
				FROM partner p
				WHERE p.created_at < :end AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET')
				""")
			.param("end", Timestamp.from(end))
			.query((rs, n) -> facts.put(rs.getLong(1),
					new JourneyPlacement.Facts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))))
			.list();
		return facts;
	}

}
