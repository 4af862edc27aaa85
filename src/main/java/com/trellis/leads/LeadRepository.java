package com.trellis.leads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The partner leads' rows: submitted, routed, decided and followed up, and read for a
 * viewer's {@link Scope}, each view judged against the follow-up deadline as of the time
 * given. The per-rep figures are {@link LeadFigureRepository}'s.
 */
@Repository
class LeadRepository {

	private static final String COLUMNS = """
			id, partner_id, submitted_by, company_name, company_domain, contact_name, contact_email, note, status,
			routing_reason, account_id, rep_id, submitted_at, routed_at, follow_up_due_at, decided_at, decline_reason,
			opportunity_id, first_follow_up_at, follow_up_note, follow_up_type""";

	private final JdbcClient jdbc;

	LeadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long partnerId, long submittedBy, LeadCommand command, String registrableDomain,
			LeadRouting.Decision routing, Instant now, Instant due) {
		return this.jdbc
			.sql("""
					INSERT INTO partner_lead (partner_id, submitted_by, company_name, company_domain, registrable_domain,
					    contact_name, contact_email, note, status, routing_reason, account_id, rep_id, submitted_at, routed_at,
					    follow_up_due_at)
					VALUES (:partner, :by, :company, :domain, :registrable, :contact, :email, :note, :status, :reason,
					    :account, :rep, :now, :routedAt, :due) RETURNING id
					""")
			.param("partner", partnerId)
			.param("by", submittedBy)
			.param("company", command.companyName().strip())
			.param("domain", com.trellis.matching.CompanyIdentity.bareDomain(command.companyDomain()))
			.param("registrable", registrableDomain)
			.param("contact", command.contactName().strip())
			.param("email", blankToNull(command.contactEmail()))
			.param("note", blankToNull(command.note()))
			.param("status", routing.routed() ? LeadStatus.ROUTED.name() : LeadStatus.SUBMITTED.name())
			.param("reason", routing.reason())
			.param("account", routing.accountId())
			.param("rep", routing.repId())
			.param("now", Timestamp.from(now))
			.param("routedAt", routing.routed() ? Timestamp.from(now) : null)
			.param("due", due == null ? null : Timestamp.from(due))
			.query(Long.class)
			.single();
	}

	Optional<Lead> findForUpdate(long id, Instant now) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM partner_lead WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> new Lead(view(rs, now)))
			.optional();
	}

	Optional<LeadView> find(long id, Scope scope, Instant now) {
		var where = scope.where();
		if (where == null) {
			return Optional.empty();
		}
		return scope.bind(this.jdbc.sql("SELECT " + COLUMNS + " FROM partner_lead WHERE id = :id AND " + where))
			.param("id", id)
			.query((rs, n) -> view(rs, now))
			.optional();
	}

	/**
	 * The order a lead list is worked in: leads still to route first (the longest waiting
	 * on top), then leads with a rep (the earliest follow-up deadline on top), then the
	 * decided ones, newest first.
	 */
	static final String WORK_ORDER = """
			CASE status WHEN 'SUBMITTED' THEN 0 WHEN 'ROUTED' THEN 1 ELSE 2 END,
			CASE WHEN status = 'SUBMITTED' THEN submitted_at END ASC,
			CASE WHEN status = 'ROUTED' THEN follow_up_due_at END ASC NULLS LAST,
			submitted_at DESC, id DESC""";

	/**
	 * {@link #WORK_ORDER} among the leads of one status (all of them when null): the same
	 * order written on the columns themselves, so that an index on them gives it (the
	 * CASE expressions cannot be read from one).
	 */
	static String workOrder(LeadStatus status) {
		if (status == null) {
			return WORK_ORDER;
		}
		return switch (status) {
			case SUBMITTED -> "submitted_at ASC, id DESC";
			case ROUTED -> "follow_up_due_at ASC NULLS LAST, submitted_at DESC, id DESC";
			default -> "submitted_at DESC, id DESC";
		};
	}

	PageResult<LeadView> search(Scope scope, LeadStatus status, PageRequest page, Instant now) {
		if (scope.where() == null) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		// the status written as its name when given (s67, ListConditions.whenEnum): a
		// generic plan read the admin's whole lead list to count the submitted ones
		var where = scope.where() + (status == null ? "" : " AND status = '" + status.name() + "'");
		long counted = scope.bind(this.jdbc.sql(PageRequest.countUpToLimit("FROM partner_lead WHERE " + where)))
			.param("countLimit", page.countLimit())
			.query(Long.class)
			.single();
		return PageResult.counted(() -> scope
			.bind(this.jdbc.sql("SELECT " + COLUMNS + " FROM partner_lead WHERE " + where + " ORDER BY "
					+ workOrder(status) + " LIMIT :limit OFFSET :offset"))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> view(rs, now))
			.list(), page, counted);
	}

	/**
	 * Gives every lead still with one rep (routed, not yet accepted or declined) to
	 * another, keeping its follow-up deadline; returns the ids moved.
	 */
	List<Long> handOverRouted(long fromRep, long toRep, String reason, Instant now, Instant due) {
		return this.jdbc
			.sql("""
					WITH missed AS (
					    INSERT INTO partner_lead_missed_route (lead_id, rep_id, routed_at, follow_up_due_at, ended_at)
					    SELECT id, rep_id, routed_at, follow_up_due_at, :now FROM partner_lead
					    WHERE rep_id = :from AND status = 'ROUTED' AND first_follow_up_at IS NULL AND follow_up_due_at < :now)
					UPDATE partner_lead SET rep_id = :to, routing_reason = :reason,
					    routed_at = CASE WHEN first_follow_up_at IS NULL THEN :now ELSE routed_at END,
					    follow_up_due_at = CASE WHEN first_follow_up_at IS NULL THEN :due ELSE follow_up_due_at END
					WHERE rep_id = :from AND status = 'ROUTED' RETURNING id
					""")
			.param("to", toRep)
			.param("from", fromRep)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("due", Timestamp.from(due))
			.query(Long.class)
			.list();
	}

	long countRoutedTo(long rep) {
		return this.jdbc.sql("SELECT count(*) FROM partner_lead WHERE rep_id = :rep AND status = 'ROUTED'")
			.param("rep", rep)
			.query(Long.class)
			.single();
	}

	void route(long id, long repId, String reason, Instant now, Instant due) {
		this.jdbc.sql("""
				UPDATE partner_lead SET status = 'ROUTED', rep_id = :rep, routing_reason = :reason, routed_at = :now,
				    follow_up_due_at = :due WHERE id = :id
				""")
			.param("id", id)
			.param("rep", repId)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("due", Timestamp.from(due))
			.update();
	}

	/**
	 * Keeps the lead's route to its rep as missed (its deadline passed without a
	 * follow-up) before it is routed to another; counted for that rep as received and as
	 * due, not in time.
	 */
	void keepMissedRoute(LeadView lead, Instant now) {
		this.jdbc.sql("""
				INSERT INTO partner_lead_missed_route (lead_id, rep_id, routed_at, follow_up_due_at, ended_at)
				VALUES (:lead, :rep, :routedAt, :due, :now)
				""")
			.param("lead", lead.id())
			.param("rep", lead.repId())
			.param("routedAt", Timestamp.from(lead.routedAt()))
			.param("due", Timestamp.from(lead.followUpDueAt()))
			.param("now", Timestamp.from(now))
			.update();
	}

	void decide(long id, LeadStatus status, String declineReason, Long opportunityId, Long accountId, Instant now) {
		this.jdbc.sql("""
				UPDATE partner_lead SET status = :status, decline_reason = :reason, opportunity_id = :deal,
				    account_id = COALESCE(:account, account_id), decided_at = :now WHERE id = :id
				""")
			.param("id", id)
			.param("status", status.name())
			.param("reason", declineReason)
			.param("deal", opportunityId)
			.param("account", accountId)
			.param("now", Timestamp.from(now))
			.update();
	}

	void followUp(long id, String type, String note, Instant now) {
		this.jdbc.sql("""
				UPDATE partner_lead SET first_follow_up_at = :now, follow_up_type = :type, follow_up_note = :note
				WHERE id = :id""")
			.param("id", id)
			.param("type", type)
			.param("note", note)
			.param("now", Timestamp.from(now))
			.update();
	}

	private static LeadView view(ResultSet rs, Instant now) throws SQLException {
		var due = instant(rs, "follow_up_due_at");
		var first = instant(rs, "first_follow_up_at");
		var verdict = FollowUpDeadline.judge(due, first, now,
				"DECLINED".equals(rs.getString("status")) ? instant(rs, "decided_at") : null);
		return new LeadView(rs.getLong("id"), rs.getLong("partner_id"), rs.getLong("submitted_by"),
				rs.getString("company_name"), rs.getString("company_domain"), rs.getString("contact_name"),
				rs.getString("contact_email"), rs.getString("note"), LeadStatus.valueOf(rs.getString("status")),
				rs.getString("routing_reason"), (Long) rs.getObject("account_id", Long.class),
				(Long) rs.getObject("rep_id", Long.class), instant(rs, "submitted_at"), instant(rs, "routed_at"), due,
				instant(rs, "decided_at"), rs.getString("decline_reason"),
				(Long) rs.getObject("opportunity_id", Long.class), first, rs.getString("follow_up_note"),
				verdict.outcome().name(), verdict.reason(), rs.getString("follow_up_type"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * What a viewer may see: its own partner's leads, leads routed to given reps, leads
	 * of given partners; null lists mean no narrowing. An empty list sees nothing.
	 */
	record Scope(Long partnerId, List<Long> reps, List<Long> partners) {

		static final Scope ALL = new Scope(null, null, null);

		String where() {
			if (this.reps != null && this.reps.isEmpty() || this.partners != null && this.partners.isEmpty()) {
				return null;
			}
			var where = new StringBuilder("TRUE");
			if (this.partnerId != null) {
				where.append(" AND partner_id = :scopePartner");
			}
			if (this.reps != null) {
				where.append(" AND rep_id = ANY (CAST(:scopeReps AS BIGINT[]))");
			}
			if (this.partners != null) {
				where.append(" AND partner_id = ANY (CAST(:scopePartners AS BIGINT[]))");
			}
			return where.toString();
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			if (this.partnerId != null) {
				spec = spec.param("scopePartner", this.partnerId);
			}
			if (this.reps != null) {
				spec = spec.param("scopeReps", com.trellis.shared.SqlIds.array(this.reps));
			}
			if (this.partners != null) {
				spec = spec.param("scopePartners", com.trellis.shared.SqlIds.array(this.partners));
			}
			return spec;
		}

	}

}
