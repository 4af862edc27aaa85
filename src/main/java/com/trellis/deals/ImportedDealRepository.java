package com.trellis.deals;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes imported deals with the times of their source: created, stage entered and closed
 * come from the export, only {@code updated_at} is now.
 */
@Repository
class ImportedDealRepository {

	private final JdbcClient jdbc;

	ImportedDealRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Updates the values; the stage and its times too when {@code moved} is not null. */
	void update(long id, ImportedDeal deal, boolean keepOwner, ImportedDeal.Move moved, Instant now) {
		this.jdbc
			.sql("""
					UPDATE opportunity SET account_id = :account, name = :name, amount = :amount, amount_unknown = :unknown,
					       currency = :currency, close_date = :closeDate,
					       owner_id = CASE WHEN :keepOwner THEN owner_id ELSE :owner END, updated_at = :now, version = version + 1,
					       source = :source, partner_id = :partner, credit_type = :credit, partner_share = :share,
					       stage = COALESCE(:stage, stage),
					       stage_entered_at = COALESCE(CAST(:entered AS TIMESTAMPTZ), stage_entered_at),
					       closed_at = CASE WHEN CAST(:stage AS TEXT) IS NULL THEN closed_at
					                        WHEN :closed THEN CAST(:entered AS TIMESTAMPTZ) END
					WHERE id = :id
					""")
			.param("account", deal.accountId())
			.param("name", deal.name())
			.param("amount", deal.storedAmount())
			.param("unknown", deal.amountUnknown())
			.param("currency", deal.currency())
			.param("closeDate", deal.closeDate() == null ? null : java.sql.Date.valueOf(deal.closeDate()))
			.param("owner", deal.ownerId())
			.param("keepOwner", keepOwner)
			.params(credit(deal))
			.param("stage", moved == null ? null : moved.stage().name())
			.param("entered", moved == null ? null : Timestamp.from(moved.at()))
			.param("closed", moved != null && moved.stage().isClosed())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	private static java.util.Map<String, Object> credit(ImportedDeal deal) {
		var credit = deal.credit();
		var params = new java.util.HashMap<String, Object>();
		params.put("source", deal.source().name());
		params.put("partner", credit == null ? null : credit.partnerId());
		params.put("credit", credit == null ? null : credit.type().name());
		params.put("share", credit == null ? null : credit.share());
		return params;
	}

}
