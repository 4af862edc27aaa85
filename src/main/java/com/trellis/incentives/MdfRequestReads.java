package com.trellis.incentives;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.SqlIds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads MDF requests with what was claimed against each (the sum of its claims, in the
 * request's currency) and, for a request awaiting its decision, the warning when its cost
 * is more than what is free in the partner's fund (left, less other approvals not claimed
 * yet). Callers check the viewer's role first; {@link #find} hides another partner's
 * request from a partner user (404).
 */
@Component
class MdfRequestReads {

	private static final String SELECT = """
			SELECT r.id, r.partner_id, r.activity, r.cost, r.currency, r.expected_pipeline, r.partner_investment,
			       r.status, r.approved_amount, COALESCE(sum(c.amount), 0) AS claimed, r.requested_at, r.decision_reason,
			       r.claim_by
			FROM mdf_request r LEFT JOIN mdf_claim c ON c.request_id = r.id
			""";

	private final JdbcClient jdbc;

	private final MdfFundBook fund;

	private final BusinessCalendar calendar;

	MdfRequestReads(JdbcClient jdbc, MdfFundBook fund, BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.fund = fund;
		this.calendar = calendar;
	}

	/**
	 * The request, 404 when it does not exist or is another partner's for a partner user.
	 */
	MdfRequest find(Viewer viewer, long id) {
		var request = this.jdbc.sql(SELECT + " WHERE r.id = :id GROUP BY r.id")
			.param("id", id)
			.query(this::request)
			.optional()
			.orElseThrow(() -> new NotFoundException("MDF request", id));
		if (viewer.isPartnerUser() && viewer.partnerId() != request.partnerId()) {
			throw new NotFoundException("MDF request", id);
		}
		return warned(request);
	}

	/** A partner's requests, the latest first. */
	List<MdfRequest> ofPartner(long partnerId) {
		return this.jdbc.sql(SELECT + " WHERE r.partner_id = :partner GROUP BY r.id ORDER BY r.requested_at DESC")
			.param("partner", partnerId)
			.query(this::request)
			.list()
			.stream()
			.map(this::warned)
			.toList();
	}

	/**
	 * Requests awaiting their decision, the oldest first: the given partners' ones, or
	 * all when {@code book} is null.
	 */
	List<MdfRequest> awaitingDecision(List<Long> book, int limit) {
		return this.jdbc
			.sql(SELECT + " WHERE r.status = 'REQUESTED' AND (:all OR r.partner_id = ANY (CAST(:book AS BIGINT[])))"
					+ " GROUP BY r.id ORDER BY r.requested_at, r.id LIMIT :limit")
			.param("all", book == null)
			.param("book", SqlIds.array(book == null || book.isEmpty() ? List.of(-1L) : book))
			.param("limit", limit)
			.query(this::request)
			.list();
	}

	/**
	 * A request waiting for a decision, with the warning when it is more than what is
	 * left of the fund.
	 */
	private MdfRequest warned(MdfRequest request) {
		if (!request.status().equals("REQUESTED")) {
			return request;
		}
		var free = this.fund.free(request.partnerId(), request.currency(), request.id());
		return request.warned(free.isEmpty()
				? "no exchange rate into " + request.currency() + " to compare the request with the partner's fund"
				: MdfFundCheck.warning(request.cost(), free.get()));
	}

	/** A request as read; an approval past its claim deadline reads as LAPSED. */
	private MdfRequest request(ResultSet rs, int n) throws SQLException {
		var claimBy = rs.getObject(13, java.time.LocalDate.class);
		var status = "APPROVED".equals(rs.getString(8)) && claimBy != null && claimBy.isBefore(this.calendar.today())
				? "LAPSED" : rs.getString(8);
		return new MdfRequest(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
				rs.getBigDecimal(6), rs.getBigDecimal(7), status, rs.getBigDecimal(9), rs.getBigDecimal(10),
				rs.getTimestamp(11).toInstant(), rs.getString(12), claimBy);
	}

}
