package com.trellis.deals;

import java.sql.Timestamp;
import java.time.Instant;

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

	PartnerAttachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(long opportunityId, long partnerId, Long by, Instant at, Via via, CreditType creditType) {
		this.jdbc
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
	}

}
