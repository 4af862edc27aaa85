package com.trellis.cosell;

import java.sql.Timestamp;
import java.time.Instant;

import com.trellis.deals.PartnerAttached;
import com.trellis.mapping.OverlapShowings;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records deals that came from an overlap ({@link OverlapSourcing}): a partner the
 * vendor's staff attached to a deal, or asked for co-sell help on it, after its overlap
 * with the deal's account was shown. Written in the transaction of the attachment or the
 * request; the first action per deal and partner counts.
 */
@Component
class OverlapSourcedDeals {

	private final OverlapShowings showings;

	private final JdbcClient jdbc;

	OverlapSourcedDeals(OverlapShowings showings, JdbcClient jdbc) {
		this.showings = showings;
		this.jdbc = jdbc;
	}

	/** A partner put on a deal, by any path (the AE view, the deal form, the PAM). */
	@EventListener
	void on(PartnerAttached attached) {
		record(attached.opportunityId(), attached.accountId(), attached.partnerId(), attached.attachedBy(),
				attached.at(), attached.byVendor(), "ATTACHED");
	}

	/** A co-sell request the field made. */
	void requested(long opportunityId, long accountId, long partnerId, long by, Instant at) {
		record(opportunityId, accountId, partnerId, by, at, true, "COSELL_REQUEST");
	}

	private void record(long opportunityId, long accountId, long partnerId, Long by, Instant at, boolean byVendor,
			String via) {
		var shown = this.showings.firstShown(accountId, partnerId, at)
			.map(s -> new OverlapSourcing.Shown(s.shownTo(), s.shownAt()));
		if (!OverlapSourcing.decide(byVendor, shown, at).sourced()) {
			return;
		}
		this.jdbc
			.sql("""
					INSERT INTO overlap_sourced_deal (opportunity_id, partner_id, via, acted_by, recorded_at, shown_to, shown_at)
					VALUES (:deal, :partner, :via, :by, :at, :shownTo, :shownAt) ON CONFLICT DO NOTHING
					""")
			.param("deal", opportunityId)
			.param("partner", partnerId)
			.param("via", via)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("shownTo", shown.get().to())
			.param("shownAt", Timestamp.from(shown.get().at()))
			.update();
	}

	/** Whether the deal is recorded as overlap-sourced for the partner. */
	boolean sourced(long opportunityId, long partnerId) {
		return this.jdbc.sql(
				"SELECT EXISTS (SELECT 1 FROM overlap_sourced_deal WHERE opportunity_id = :deal AND partner_id = :partner)")
			.param("deal", opportunityId)
			.param("partner", partnerId)
			.query(Boolean.class)
			.single();
	}

}
