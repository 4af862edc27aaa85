package com.trellis.deals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.trellis.shared.PgCopy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes many new imported deals at once: their ids are drawn from the opportunity
 * sequence in one query, then the deals, their stage changes and their partner
 * attachments are each streamed with one {@code COPY} on the transaction's connection.
 * Same rows as {@link ImportedDealRepository#insert} and
 * {@link OpportunityRepository#recordStageChange} write one by one.
 */
@Repository
class ImportedDealBatch {

	private static final List<String> DEAL_COLUMNS = List.of("id", "account_id", "name", "amount", "amount_unknown",
			"currency", "stage", "close_date", "owner_id", "source", "partner_id", "credit_type", "partner_share",
			"stage_entered_at", "created_at", "closed_at", "updated_at");

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	ImportedDealBatch(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Inserts the deals in order; returns their ids in the same order. */
	List<Long> insert(List<ImportedDeal> deals, long by, Instant now) {
		if (deals.isEmpty()) {
			return List.of();
		}
		var ids = new ArrayList<Long>(deals.size());
		this.jdbc.sql("SELECT nextval('opportunity_id_seq') FROM generate_series(1, :n)")
			.param("n", deals.size())
			.query((rs, n) -> ids.add(rs.getLong(1)))
			.list();
		try (var copy = PgCopy.into(this.dataSource, "opportunity", DEAL_COLUMNS)) {
			for (int i = 0; i < deals.size(); i++) {
				var deal = deals.get(i);
				var last = deal.last();
				var credit = deal.credit();
				copy.row(ids.get(i), deal.accountId(), deal.name(), deal.storedAmount(), deal.amountUnknown(),
						deal.currency(), last.stage().name(), deal.closeDate(), deal.ownerId(), deal.source().name(),
						credit == null ? null : credit.partnerId(), credit == null ? null : credit.type().name(),
						credit == null ? null : credit.share(), last.at(), deal.createdAt(),
						last.stage().isClosed() ? last.at() : null, now);
			}
			copy.finish();
		}
		try (var copy = PgCopy.into(this.dataSource, "opportunity_stage_change",
				List.of("opportunity_id", "from_stage", "to_stage", "changed_by", "changed_at"))) {
			for (int i = 0; i < deals.size(); i++) {
				Stage from = null;
				for (var move : deals.get(i).moves()) {
					copy.row(ids.get(i), from == null ? null : from.name(), move.stage().name(), by, move.at());
					from = move.stage();
				}
			}
			copy.finish();
		}
		try (var copy = PgCopy.into(this.dataSource, "deal_partner_attachment",
				List.of("opportunity_id", "partner_id", "attached_by", "attached_at", "via", "credit_type"))) {
			for (int i = 0; i < deals.size(); i++) {
				var deal = deals.get(i);
				if (deal.credit() != null) {
					copy.row(ids.get(i), deal.credit().partnerId(), by, deal.createdAt(),
							PartnerAttachments.Via.IMPORT.name(), deal.credit().type().name());
				}
			}
			copy.finish();
		}
		return ids;
	}

	/** The owner of each of the given deals now. */
	java.util.Map<Long, Long> owners(java.util.Collection<Long> ids) {
		return perDeal(ids, "SELECT id, owner_id FROM opportunity WHERE id = ANY (CAST(:ids AS BIGINT[]))",
				rs -> rs.getObject(2, Long.class));
	}

	/** The newest stage change of each deal. */
	java.util.Map<Long, Instant> lastMoves(java.util.Collection<Long> ids) {
		return perDeal(ids, """
				SELECT opportunity_id, max(changed_at) FROM opportunity_stage_change
				WHERE opportunity_id = ANY (CAST(:ids AS BIGINT[])) GROUP BY opportunity_id
				""", rs -> rs.getTimestamp(2).toInstant());
	}

	/** The stage each of the given deals is in now. */
	java.util.Map<Long, String> stages(java.util.Collection<Long> ids) {
		return perDeal(ids, "SELECT id, stage FROM opportunity WHERE id = ANY (CAST(:ids AS BIGINT[]))",
				rs -> rs.getString(2));
	}

	/** One value per deal id (the first column), read by {@code sql} for {@code :ids}. */
	private <T> java.util.Map<Long, T> perDeal(java.util.Collection<Long> ids, String sql, Value<T> value) {
		var values = new java.util.HashMap<Long, T>();
		if (!ids.isEmpty()) {
			this.jdbc.sql(sql)
				.param("ids", com.trellis.shared.SqlIds.array(ids))
				.query((rs, n) -> values.put(rs.getLong(1), value.read(rs)))
				.list();
		}
		return values;
	}

	private interface Value<T> {

		T read(java.sql.ResultSet rs) throws java.sql.SQLException;

	}

}
