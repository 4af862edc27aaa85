package com.trellis.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.trellis.registration.RegistrationRepository.Row;

/**
 * Where protections end and what waits behind them: a deal's close marked on its
 * registrations, the approved ones on a closed deal, lapsed protections expired in one
 * statement, and the registrations on hold behind a registration or an open deal. Split
 * from {@link RegistrationRepository}, which keeps a registration's own rows.
 */
@Repository
class ProtectionRepository {

	private final JdbcClient jdbc;

	ProtectionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int markDealClosed(long opportunityId, Instant at) {
		return this.jdbc
			.sql("""
					UPDATE deal_registration SET deal_closed_at = :at WHERE opportunity_id = :opportunity AND deal_closed_at IS NULL
					""")
			.param("at", Timestamp.from(at))
			.param("opportunity", opportunityId)
			.update();
	}

	/**
	 * Expires every lapsed protection in one statement; returns the ids this call
	 * expired.
	 */
	List<Long> expireLapsed(Instant now, String reason) {
		return this.jdbc.sql("""
				UPDATE deal_registration SET status = 'EXPIRED', status_reason = :reason, decided_at = :now,
				    decided_by = NULL, version = version + 1
				WHERE status IN %s AND protection_ends_at < :now
				  AND deal_closed_at IS NULL
				RETURNING id
				""".formatted(RegistrationStatus.PROTECTING_SQL))
			.param("now", Timestamp.from(now))
			.param("reason", reason)
			.query(Long.class)
			.list();
	}

	/**
	 * Registrations that no longer protect their customer but still have registrations on
	 * hold behind them: none when every lapse released its queue at once; a queue left by
	 * a crash between the two, or by a rule that changed (V167: won deals), is released
	 * by the next expiry run. Reads the few held rows through their partial index.
	 */
	List<Row> lapsedWithQueue() {
		return this.jdbc
			.sql("SELECT " + RegistrationRepository.COLUMNS
					+ ", registrable_domain, normalized_name FROM deal_registration r" + " WHERE r.status NOT IN "
					+ RegistrationStatus.PROTECTING_SQL + " AND r.id IN (SELECT h.held_behind_id"
					+ " FROM deal_registration h WHERE h.held_behind_id IS NOT NULL AND h.status = 'ON_HOLD')"
					+ " ORDER BY r.id")
			.query(RegistrationRepository::row)
			.list();
	}

	/**
	 * The registrations that ended with this deal in {@code status} (DEAL_WON or
	 * DEAL_LOST), locked: a deal reopened and closed again moves them to its new outcome.
	 */
	List<Long> endedOn(long opportunityId, RegistrationStatus status) {
		return this.jdbc.sql("""
				SELECT id FROM deal_registration WHERE opportunity_id = :opportunity AND status = :status
				ORDER BY id FOR UPDATE
				""").param("opportunity", opportunityId).param("status", status.name()).query(Long.class).list();
	}

	/** The approved registrations whose deal this is, locked. */
	List<Long> approvedOn(long opportunityId) {
		return this.jdbc.sql("""
				SELECT id FROM deal_registration WHERE opportunity_id = :opportunity AND status = 'APPROVED'
				ORDER BY id FOR UPDATE
				""").param("opportunity", opportunityId).query(Long.class).list();
	}

	/**
	 * Registrations on hold because of an open deal (not another registration) that met
	 * this one.
	 */
	List<Row> heldByDeal(long opportunityId) {
		return this.jdbc
			.sql("SELECT " + RegistrationRepository.COLUMNS
					+ ", registrable_domain, normalized_name FROM deal_registration r"
					+ " WHERE status = 'ON_HOLD' AND held_behind_id IS NULL AND EXISTS (SELECT 1 FROM"
					+ " registration_conflict c WHERE c.registration_id = r.id AND c.candidate_kind = 'OPPORTUNITY'"
					+ " AND c.candidate_id = :opportunity) ORDER BY submitted_at, id")
			.param("opportunity", opportunityId)
			.query(RegistrationRepository::row)
			.list();
	}

	/** The customers of the registrations held behind one, read without locking them. */
	List<Customer> customersHeldBehind(long id) {
		return this.jdbc.sql("""
				SELECT customer_name, registrable_domain, normalized_name FROM deal_registration
				WHERE held_behind_id = :id AND status = 'ON_HOLD'
				""")
			.param("id", id)
			.query((rs, n) -> new Customer(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	List<Long> heldBehind(long id) {
		return this.jdbc.sql("""
				SELECT id FROM deal_registration WHERE held_behind_id = :id AND status = 'ON_HOLD'
				ORDER BY submitted_at, id FOR UPDATE
				""").param("id", id).query(Long.class).list();
	}

	/**
	 * Keeps a registration on hold, behind another registration or (null) an open deal.
	 */
	void holdBehind(long id, Long behind, String reason) {
		this.jdbc.sql("""
				UPDATE deal_registration SET held_behind_id = :behind, status_reason = :reason, version = version + 1
				WHERE id = :id
				""").param("behind", behind).param("reason", reason).param("id", id).update();
	}

}
