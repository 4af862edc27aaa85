package com.trellis.cosell;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.trellis.shared.ListConditions;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CoSellRepository {

	private static final String SCOPE = "(CAST(:scopePartner AS BIGINT) IS NULL OR partner_id = :scopePartner)";

	private final JdbcClient jdbc;

	CoSellRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long opportunityId, String dealName, long partnerId, long by, String ask, Instant at) {
		return this.jdbc
			.sql("""
					INSERT INTO cosell_request (opportunity_id, deal_name, partner_id, requested_by, requested_at, ask, status)
					VALUES (:deal, :name, :partner, :by, :at, :ask, 'OPEN') RETURNING id
					""")
			.param("deal", opportunityId)
			.param("name", dealName)
			.param("partner", partnerId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("ask", ask)
			.query(Long.class)
			.single();
	}

	/**
	 * When the partner was first asked for co-sell help on or after a moment, or null
	 * (reads the partner's index from that moment on).
	 */
	Instant firstRequestedAt(long partnerId, Instant since) {
		return this.jdbc.sql("""
				SELECT requested_at FROM cosell_request WHERE partner_id = :partner AND requested_at >= :since
				ORDER BY requested_at LIMIT 1
				""")
			.param("partner", partnerId)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

	Instant firstRequestedOnDealAt(long partnerId, long opportunityId, Instant since) {
		return this.jdbc.sql("""
				SELECT requested_at FROM cosell_request
				WHERE partner_id = :partner AND opportunity_id = :deal AND requested_at >= :since
				ORDER BY requested_at LIMIT 1
				""")
			.param("partner", partnerId)
			.param("deal", opportunityId)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

	boolean hasOpen(long opportunityId, long partnerId) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM cosell_request WHERE opportunity_id = :deal AND partner_id = :partner
				               AND status = 'OPEN')
				""").param("deal", opportunityId).param("partner", partnerId).query(Boolean.class).single();
	}

	/** Answers an open request; false when it was answered meanwhile. */
	boolean answer(long id, CoSellStatus status, long by, String note, Instant at) {
		return this.jdbc.sql("""
				UPDATE cosell_request SET status = :status, answered_by = :by, answered_at = :at, answer = :note
				WHERE id = :id AND status = 'OPEN'
				""")
			.param("status", status.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("note", note)
			.param("id", id)
			.update() == 1;
	}

	Optional<CoSellRequest> find(long id, Long scopePartner) {
		return this.jdbc.sql("SELECT * FROM cosell_request WHERE id = :id AND " + SCOPE)
			.param("id", id)
			.param("scopePartner", scopePartner)
			.query(CoSellRepository::request)
			.optional();
	}

	List<CoSellRequest> ofDeal(long opportunityId, Long scopePartner) {
		return this.jdbc
			.sql("SELECT * FROM cosell_request WHERE opportunity_id = :deal AND " + SCOPE
					+ " ORDER BY requested_at DESC, id DESC")
			.param("deal", opportunityId)
			.param("scopePartner", scopePartner)
			.query(CoSellRepository::request)
			.list();
	}

	/**
	 * One page of requests, newest first: to one partner, to partners of a book, or made
	 * by some users; all when every narrowing is null.
	 */
	PageResult<CoSellRequest> search(Long scopePartner, List<Long> partners, List<Long> requesters, CoSellStatus status,
			PageRequest page) {
		if ((partners != null && partners.isEmpty()) || (requesters != null && requesters.isEmpty())) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		// only the narrowings given are written (s67, ListConditions): under a generic
		// plan a partner user's list read every partner's requests to keep 10
		var conditions = new ListConditions().when("partner_id = :scopePartner", "scopePartner", scopePartner)
			.whenAnyOf("partner_id", "partners", partners)
			.whenAnyOf("requested_by", "requesters", requesters)
			.whenEnum("status", status);
		var where = conditions.where();
		var params = conditions.parameters();
		// a list page counts only as far as its pager needs (PageRequest.listed), the API
		// in full
		var count = this.jdbc.sql(PageRequest.countUpToLimit("FROM cosell_request " + where))
			.params(params)
			.param("countLimit", page.countLimit());
		var select = this.jdbc
			.sql("SELECT * FROM cosell_request " + where
					+ " ORDER BY requested_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(params);
		long counted = count.query(Long.class).single();
		return PageResult.counted(() -> select.param("limit", page.size())
			.param("offset", page.offset())
			.query(CoSellRepository::request)
			.list(), page, counted);
	}

	private static CoSellRequest request(ResultSet rs, int n) throws SQLException {
		var requested = rs.getTimestamp("requested_at").toInstant();
		var answeredAt = rs.getTimestamp("answered_at");
		BigDecimal hours = null;
		if (answeredAt != null) {
			long seconds = answeredAt.toInstant().getEpochSecond() - requested.getEpochSecond();
			hours = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP);
		}
		return new CoSellRequest(rs.getLong("id"), rs.getLong("opportunity_id"), rs.getString("deal_name"),
				rs.getLong("partner_id"), rs.getLong("requested_by"), requested, rs.getString("ask"),
				CoSellStatus.valueOf(rs.getString("status")), rs.getObject("answered_by", Long.class),
				answeredAt == null ? null : answeredAt.toInstant(), rs.getString("answer"), hours);
	}

}
