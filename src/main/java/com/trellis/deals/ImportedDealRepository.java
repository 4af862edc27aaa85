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

	long insert(ImportedDeal deal, Instant now) {
		var last = deal.last();
		return this.jdbc.sql("""
				INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
				                         stage_entered_at, created_at, closed_at, updated_at)
				VALUES (:account, :name, :amount, :currency, :stage, :closeDate, :owner, 'DIRECT',
				        :entered, :created, CASE WHEN :closed THEN CAST(:entered AS TIMESTAMPTZ) END, :now)
				RETURNING id
				""")
			.param("account", deal.accountId())
			.param("name", deal.name())
			.param("amount", deal.amount())
			.param("currency", deal.currency())
			.param("stage", last.stage().name())
			.param("closeDate", deal.closeDate() == null ? null : java.sql.Date.valueOf(deal.closeDate()))
			.param("owner", deal.ownerId())
			.param("entered", Timestamp.from(last.at()))
			.param("created", Timestamp.from(deal.createdAt()))
			.param("closed", last.stage().isClosed())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** Updates the values; the stage and its times too when {@code moved} is not null. */
	void update(long id, ImportedDeal deal, ImportedDeal.Move moved, Instant now) {
		this.jdbc.sql("""
				UPDATE opportunity SET account_id = :account, name = :name, amount = :amount, currency = :currency,
				       close_date = :closeDate, owner_id = :owner, updated_at = :now, version = version + 1,
				       stage = COALESCE(:stage, stage),
				       stage_entered_at = COALESCE(CAST(:entered AS TIMESTAMPTZ), stage_entered_at),
				       closed_at = CASE WHEN CAST(:stage AS TEXT) IS NULL THEN closed_at
				                        WHEN :closed THEN CAST(:entered AS TIMESTAMPTZ) END
				WHERE id = :id
				""")
			.param("account", deal.accountId())
			.param("name", deal.name())
			.param("amount", deal.amount())
			.param("currency", deal.currency())
			.param("closeDate", deal.closeDate() == null ? null : java.sql.Date.valueOf(deal.closeDate()))
			.param("owner", deal.ownerId())
			.param("stage", moved == null ? null : moved.stage().name())
			.param("entered", moved == null ? null : Timestamp.from(moved.at()))
			.param("closed", moved != null && moved.stage().isClosed())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

}
