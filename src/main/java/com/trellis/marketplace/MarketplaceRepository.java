package com.trellis.marketplace;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The marketplace transactions and their velocity, scope bound in the SQL (a partner
 * user's own partner, a PAM's book, or the program; the partner table is read for the
 * scope and the names, as reporting SQL does). Amounts are converted into the reporting
 * currency and rounded once per transaction before they are summed.
 */
@Repository
class MarketplaceRepository {

	private static final String COLUMNS = """
			SELECT t.id, t.source_id, t.partner_id, p.name, t.customer, t.listing, t.amount, t.currency, t.transacted_on
			FROM marketplace_transaction t JOIN partner p ON p.id = t.partner_id
			""";

	private static final String SCOPE = """
			(CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
			AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
			""";

	private static final String VELOCITY = """
			WITH tx AS (
			    SELECT t.partner_id, t.transacted_on, %s AS amount
			    FROM marketplace_transaction t JOIN exchange_rate fx ON fx.currency = t.currency
			    JOIN partner p ON p.id = t.partner_id
			    WHERE t.transacted_on > CAST(:asOf AS DATE) - 180 AND t.transacted_on <= :asOf AND %s
			)
			SELECT tx.partner_id, p.name,
			       count(*) FILTER (WHERE tx.transacted_on > CAST(:asOf AS DATE) - 30) AS n30,
			       coalesce(sum(tx.amount) FILTER (WHERE tx.transacted_on > CAST(:asOf AS DATE) - 30), 0) AS a30,
			       count(*) FILTER (WHERE tx.transacted_on > CAST(:asOf AS DATE) - 90) AS n90,
			       coalesce(sum(tx.amount) FILTER (WHERE tx.transacted_on > CAST(:asOf AS DATE) - 90), 0) AS a90,
			       count(*) FILTER (WHERE tx.transacted_on <= CAST(:asOf AS DATE) - 90) AS nb,
			       coalesce(sum(tx.amount) FILTER (WHERE tx.transacted_on <= CAST(:asOf AS DATE) - 90), 0) AS ab
			FROM tx JOIN partner p ON p.id = tx.partner_id
			GROUP BY tx.partner_id, p.name
			ORDER BY a90 DESC, tx.partner_id
			""".formatted(ReportingCurrency.converted("t.amount", "fx.to_reporting"), SCOPE);

	private final JdbcClient jdbc;

	MarketplaceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each partner in scope with transactions in the 180 days up to the day. */
	List<MarketplaceVelocity> velocity(MarketplaceScope scope, LocalDate asOf) {
		return this.jdbc.sql(VELOCITY)
			.param("asOf", Date.valueOf(asOf))
			.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.query((rs, n) -> velocity(rs, asOf))
			.list();
	}

	private static MarketplaceVelocity velocity(ResultSet rs, LocalDate asOf) throws SQLException {
		var currency = ReportingCurrency.CODE;
		var verdict = MarketplaceTrend.of(rs.getLong("n90"), ReportingCurrency.round(rs.getBigDecimal("a90")),
				rs.getLong("nb"), ReportingCurrency.round(rs.getBigDecimal("ab")), currency);
		return new MarketplaceVelocity(rs.getLong("partner_id"), rs.getString("name"), asOf, currency,
				rs.getLong("n30"), rs.getBigDecimal("a30"), rs.getLong("n90"), rs.getBigDecimal("a90"),
				rs.getLong("nb"), rs.getBigDecimal("ab"), verdict.changePercent(), verdict.trend().name(),
				verdict.reason());
	}

	/** Whether the partner exists in the scope. */
	boolean inScope(MarketplaceScope scope, long partnerId) {
		return this.jdbc.sql("SELECT count(*) FROM partner p WHERE p.id = :partner AND " + SCOPE)
			.param("partner", partnerId)
			.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.query(Long.class)
			.single() > 0;
	}

	long count(MarketplaceScope scope, Long partnerId) {
		return this.jdbc
			.sql("SELECT count(*) FROM marketplace_transaction t JOIN partner p ON p.id = t.partner_id WHERE " + SCOPE
					+ " AND (CAST(:partner AS BIGINT) IS NULL OR t.partner_id = :partner)")
			.param("partner", partnerId)
			.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.query(Long.class)
			.single();
	}

	/** A page of transactions in scope, oldest first. */
	List<MarketplaceTransaction> page(MarketplaceScope scope, Long partnerId, int limit, int offset) {
		return this.jdbc.sql(COLUMNS + " WHERE " + SCOPE + """
				 AND (CAST(:partner AS BIGINT) IS NULL OR t.partner_id = :partner)
				ORDER BY t.transacted_on, t.id LIMIT :limit OFFSET :offset
				""")
			.param("partner", partnerId)
			.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.param("limit", limit)
			.param("offset", offset)
			.query(MarketplaceRepository::transaction)
			.list();
	}

	Map<String, MarketplaceTransaction> bySourceIds(Collection<String> sourceIds) {
		var found = new HashMap<String, MarketplaceTransaction>();
		if (sourceIds.isEmpty()) {
			return found;
		}
		this.jdbc.sql(COLUMNS + " WHERE t.source_id = ANY (CAST(:ids AS TEXT[]))")
			.param("ids", sourceIds.toArray(String[]::new))
			.query(MarketplaceRepository::transaction)
			.list()
			.forEach(t -> found.put(t.sourceId(), t));
		return found;
	}

	Optional<MarketplaceTransaction> find(long id) {
		return this.jdbc.sql(COLUMNS + " WHERE t.id = :id")
			.param("id", id)
			.query(MarketplaceRepository::transaction)
			.optional();
	}

	long insert(String sourceId, TransactionValues values, Long by, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO marketplace_transaction (source_id, partner_id, customer, listing, amount, currency,
				                                     transacted_on, recorded_by, recorded_at, updated_at)
				VALUES (:source, :partner, :customer, :listing, :amount, :currency, :day, :by, :now, :now)
				RETURNING id
				""")
			.param("source", sourceId)
			.param("partner", values.partnerId())
			.param("customer", values.customer())
			.param("listing", values.listing())
			.param("amount", values.amount())
			.param("currency", values.currency())
			.param("day", Date.valueOf(values.transactedOn()))
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	void update(long id, TransactionValues values, Instant now) {
		this.jdbc.sql("""
				UPDATE marketplace_transaction SET partner_id = :partner, customer = :customer, listing = :listing,
				       amount = :amount, currency = :currency, transacted_on = :day, updated_at = :now
				WHERE id = :id
				""")
			.param("id", id)
			.param("partner", values.partnerId())
			.param("customer", values.customer())
			.param("listing", values.listing())
			.param("amount", values.amount())
			.param("currency", values.currency())
			.param("day", Date.valueOf(values.transactedOn()))
			.param("now", Timestamp.from(now))
			.update();
	}

	private static MarketplaceTransaction transaction(ResultSet rs, int n) throws SQLException {
		return new MarketplaceTransaction(rs.getLong("id"), rs.getString("source_id"), rs.getLong("partner_id"),
				rs.getString("name"), rs.getString("customer"), rs.getString("listing"), rs.getBigDecimal("amount"),
				rs.getString("currency").strip(), rs.getDate("transacted_on").toLocalDate());
	}

}
