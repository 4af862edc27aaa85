package com.trellis.deals;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The writes that change a deal's partner credit or its money after it was opened: a
 * partner attached, a credit changed, a closed deal's amount corrected. Each bumps the
 * deal's version and its update time; the callers check the right, lock the row
 * ({@link OpportunityRepository#findForUpdate}) and audit. Split from
 * {@link OpportunityRepository}.
 */
@Repository
class CreditRepository {

	private final JdbcClient jdbc;

	CreditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A closed deal's corrected amount and currency. */
	void correctMoney(long id, BigDecimal amount, String currency, Instant now) {
		this.jdbc
			.sql("""
					UPDATE opportunity SET amount = :amount, amount_unknown = FALSE, currency = :currency, updated_at = :now,
					       version = version + 1
					WHERE id = :id
					""")
			.param("amount", amount)
			.param("currency", currency)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void attachPartner(long id, long partnerId, CreditType creditType, BigDecimal share, Instant now) {
		this.jdbc.sql("""
				UPDATE opportunity SET partner_id = :partner, credit_type = :credit, partner_share = :share,
				       updated_at = :now, version = version + 1
				WHERE id = :id
				""")
			.param("partner", partnerId)
			.param("credit", creditType.name())
			.param("share", share)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void changeCredit(long id, CreditType creditType, BigDecimal share, DealSource source, Instant now) {
		this.jdbc
			.sql("""
					UPDATE opportunity SET credit_type = :credit, partner_share = :share, source = :source, updated_at = :now,
					       version = version + 1
					WHERE id = :id
					""")
			.param("credit", creditType.name())
			.param("share", share)
			.param("source", source.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

}
