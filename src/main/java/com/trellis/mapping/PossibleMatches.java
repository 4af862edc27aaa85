package com.trellis.mapping;

import java.sql.Timestamp;
import java.time.Clock;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person (the partner's PAM or a program admin) confirms or rejects a possible match of
 * a company on a partner's current list. The answer is applied to the row and remembered
 * for the partner, so later uploads of the same company (same identity domain and
 * normalised name) take it without asking again.
 */
@Service
public class PossibleMatches {

	private final JdbcClient jdbc;

	private final Partners partners;

	private final AuditLog audit;

	private final Clock clock;

	PossibleMatches(JdbcClient jdbc, Partners partners, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.partners = partners;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public PartnerAccountView answer(Viewer viewer, long partnerId, long rowNumber, String answer) {
		if (viewer.isPartnerUser()) {
			// its own partner exists for it: refused (403); another partner's is not
			// there (404)
			if (viewer.partnerId() != partnerId) {
				throw new NotFoundException("Partner", partnerId);
			}
			throw new AccessDeniedException("The partner's PAM or a program admin confirms a possible match");
		}
		this.partners.get(viewer, partnerId);
		if (!viewer.is(Role.ADMIN, Role.PAM) || !this.partners.manages(viewer, partnerId)) {
			throw new AccessDeniedException("The partner's PAM or a program admin confirms a possible match");
		}
		if (answer == null || !answer.equals("true") && !answer.equals("false")) {
			throw InvalidInputException.of("confirmed", "say true (the same company) or false (not the same)");
		}
		boolean confirmed = Boolean.parseBoolean(answer);
		var row = this.jdbc.sql("""
				SELECT a.id, a.registrable_domain, a.normalized_name, a.account_id, a.match_confidence
				FROM partner_account a JOIN partner_account_list l ON l.id = a.list_id AND l.current
				WHERE l.partner_id = :partner AND a.partner_id = :partner AND a.row_number = :row
				FOR UPDATE OF a
				""")
			.param("partner", partnerId)
			.param("row", rowNumber)
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
							rs.getString(5) })
			.optional()
			.orElseThrow(() -> new NotFoundException("Row of the account list", rowNumber));
		if (!"POSSIBLE".equals(row[4])) {
			throw InvalidInputException.of("row", "has no possible match to confirm or reject");
		}
		var key = (row[1] == null ? "" : (String) row[1]) + "|" + (row[2] == null ? "" : (String) row[2]);
		this.jdbc.sql("""
				INSERT INTO partner_account_answer (partner_id, company_key, account_id, confirmed, answered_by,
				                                    answered_at)
				VALUES (:partner, :key, :account, :confirmed, :by, :now)
				ON CONFLICT (partner_id, company_key, account_id)
				DO UPDATE SET confirmed = :confirmed, answered_by = :by, answered_at = :now
				""")
			.param("partner", partnerId)
			.param("key", key)
			.param("account", row[3])
			.param("confirmed", confirmed)
			.param("by", viewer.userId())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		this.jdbc.sql(confirmed ? """
				UPDATE partner_account SET match_confidence = 'AUTOMATIC',
				       match_reason = 'confirmed by a person: ' || match_reason WHERE id = :id
				"""
				: "UPDATE partner_account SET account_id = NULL, match_confidence = NULL, match_reason = NULL WHERE id = :id")
			.param("id", row[0])
			.update();
		this.audit.record(viewer.actor(), "partner-account-list", (Long) row[0],
				(confirmed ? "confirmed" : "rejected") + " the possible match with account " + row[3], null, null);
		return this.jdbc.sql("""
				SELECT row_number, company_name, web_domain, country, status, crm_id, account_id, match_confidence,
				       match_reason FROM partner_account WHERE id = :id
				""")
			.param("id", row[0])
			.query((rs, n) -> new PartnerAccountView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, Long.class), rs.getString(8), rs.getString(9)))
			.single();
	}

}
