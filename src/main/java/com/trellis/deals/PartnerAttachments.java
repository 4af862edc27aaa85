package com.trellis.deals;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Records who put the partner on a deal, when, how and with which credit: once per deal,
 * the first time it gets a partner. An account executive attaching a partner as
 * influencer or co-seller is the field inviting the partner.
 */
@Repository
class PartnerAttachments {

	enum Via {

		/** The deal's owner or one of their managers. */
		REP,
		/** A program admin editing the deal. */
		ADMIN,
		/** An approved deal registration opened the deal. */
		REGISTRATION,
		/** The PAM approved a registration that collided with this direct deal. */
		PAM,
		/** A program admin's import of a CRM export (docs/import.md). */
		IMPORT

	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PartnerAttachments(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Records the first attachment of a partner to the deal and announces it
	 * ({@link PartnerAttached}); a deal that had a partner before is left as it was.
	 */
	void record(long opportunityId, long partnerId, Long by, Instant at, Via via, CreditType creditType) {
		int inserted = this.jdbc
			.sql("""
					INSERT INTO deal_partner_attachment (opportunity_id, partner_id, attached_by, attached_at, via, credit_type)
					VALUES (:deal, :partner, :by, :at, :via, :credit)
					ON CONFLICT (opportunity_id) DO NOTHING
					""")
			.param("deal", opportunityId)
			.param("partner", partnerId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("via", via.name())
			.param("credit", creditType.name())
			.update();
		if (inserted == 1) {
			long account = this.jdbc.sql("SELECT account_id FROM opportunity WHERE id = :deal")
				.param("deal", opportunityId)
				.query(Long.class)
				.single();
			boolean byVendor = via == Via.REP || via == Via.ADMIN || via == Via.PAM;
			this.events.publishEvent(new PartnerAttached(opportunityId, account, partnerId, by, at, byVendor));
		}
	}

}
