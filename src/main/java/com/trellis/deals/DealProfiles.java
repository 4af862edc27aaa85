package com.trellis.deals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.trellis.identity.Viewer;
import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals as profiles to compare (partner fit, play fit): the customer's industry, size and
 * country and the amount in the reporting currency (null when the deal's amount is
 * unknown, V124). Callers decide who may read what; the names of deals are handed out
 * only through {@link #visibleTo}, which applies the same scope as every deal read
 * ({@code :scopePartner}).
 */
@Service
public class DealProfiles {

	private static final String COLUMNS = """
			o.id, o.name, o.partner_id, o.owner_id, o.stage, a.industry, a.employee_band, a.country,
			CASE WHEN o.amount_unknown THEN NULL ELSE %s END AS reporting_amount, o.closed_at
			""".formatted(ReportingCurrency.DEAL_AMOUNT);

	private final JdbcClient jdbc;

	DealProfiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The deal's profile, or empty when there is no such deal. */
	@Transactional(readOnly = true)
	public Optional<DealProfile> of(long opportunityId) {
		return this.jdbc.sql("""
				SELECT %s FROM opportunity o JOIN account a ON a.id = o.account_id
				LEFT JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.id = :id
				""".formatted(COLUMNS)).param("id", opportunityId).query(DealProfiles::profile).optional();
	}

	/**
	 * Won deals with a partner on customers of the industry (any case), closed since the
	 * given moment, other than the deal excluded; the most recently closed first, at most
	 * {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<DealProfile> wonWithPartnerIn(String industry, Instant since, long except, int limit) {
		if (industry == null || industry.isBlank()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT %s FROM opportunity o JOIN account a ON a.id = o.account_id
				LEFT JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL AND o.id <> :except
				  AND o.closed_at >= :since AND lower(a.industry) = lower(:industry)
				ORDER BY o.closed_at DESC, o.id DESC
				LIMIT :limit
				""".formatted(COLUMNS))
			.param("industry", industry.strip())
			.param("since", Timestamp.from(since))
			.param("except", except)
			.param("limit", limit)
			.query(DealProfiles::profile)
			.list();
	}

	/** Whether the deal's customer has bought from us before (another deal of it won). */
	@Transactional(readOnly = true)
	public boolean customerHasWon(long opportunityId) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM opportunity o JOIN opportunity won ON won.account_id = o.account_id
				               WHERE o.id = :id AND won.id <> o.id AND won.stage = 'CLOSED_WON')
				""").param("id", opportunityId).query(Boolean.class).single();
	}

	/**
	 * When the partner was put on the deal, if that was on or after a moment (the first
	 * partner a deal gets, by whatever path: the rep, an admin, a registration, the PAM,
	 * an import), else null: the outcome a partner-fit recommendation aims at.
	 */
	@Transactional(readOnly = true)
	public java.time.Instant partnerAttachedAt(long opportunityId, long partnerId, java.time.Instant since) {
		return this.jdbc.sql("""
				SELECT attached_at FROM deal_partner_attachment
				WHERE opportunity_id = :deal AND partner_id = :partner AND attached_at >= :since
				""")
			.param("deal", opportunityId)
			.param("partner", partnerId)
			.param("since", java.sql.Timestamp.from(since))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

	/**
	 * Of these deals, the ones the viewer may open (a partner user: its own partner's).
	 */
	@Transactional(readOnly = true)
	public Set<Long> visibleTo(Viewer viewer, Collection<Long> opportunityIds) {
		if (opportunityIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc
			.sql("""
					SELECT id FROM opportunity
					WHERE id = ANY (CAST(:ids AS BIGINT[])) AND (CAST(:scopePartner AS BIGINT) IS NULL OR partner_id = :scopePartner)
					""")
			.param("ids", com.trellis.shared.SqlIds.array(opportunityIds))
			.param("scopePartner", viewer.scopePartnerId())
			.query(Long.class)
			.list());
	}

	private static DealProfile profile(ResultSet rs, int n) throws SQLException {
		long partner = rs.getLong("partner_id");
		Long partnerId = rs.wasNull() ? null : partner;
		var closed = rs.getTimestamp("closed_at");
		return new DealProfile(rs.getLong("id"), rs.getString("name"), partnerId, rs.getLong("owner_id"),
				Stage.valueOf(rs.getString("stage")), rs.getString("industry"), rs.getString("employee_band"),
				rs.getString("country"), rs.getBigDecimal("reporting_amount"),
				closed == null ? null : closed.toInstant());
	}

}
