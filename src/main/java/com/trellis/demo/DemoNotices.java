package com.trellis.demo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;

import com.trellis.credit.DisputeToDecide;
import com.trellis.deals.CreditType;
import com.trellis.identity.Users;
import com.trellis.incentives.MdfRequestToDecide;
import com.trellis.leads.LeadWaiting;
import com.trellis.notify.StaffNotice;
import com.trellis.notify.StaffNotices;
import com.trellis.partners.Partners;
import com.trellis.registration.RegistrationStatus;
import com.trellis.registration.RegistrationToDecide;
import com.trellis.shared.BusinessCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff notices the live path writes for what the demo loaded as still open at its
 * today: registrations to decide (PENDING or ON_HOLD), leads to route and leads routed to
 * a rep, open credit disputes and MDF requests to decide. Each goes through the notify
 * module's facade ({@link StaffNotices#enqueue}) worded by the live path's own wording
 * ({@link RegistrationToDecide}, {@link LeadWaiting}, {@link DisputeToDecide},
 * {@link MdfRequestToDecide}: words and key), so a newcomer's inbox matches their queue,
 * nothing is told twice and the two never drift apart.
 */
final class DemoNotices {

	private final JdbcClient jdbc;

	private final StaffNotices notices;

	private final Partners partners;

	private final Users users;

	private final BusinessCalendar calendar;

	DemoNotices(JdbcClient jdbc, StaffNotices notices, Partners partners, Users users, BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.partners = partners;
		this.users = users;
		this.calendar = calendar;
	}

	/** How many notices were written. */
	int write() {
		return registrations() + leadsToRoute() + leadsRouted() + disputes() + mdfRequests();
	}

	private int registrations() {
		return each("""
				SELECT id, partner_id, customer_name, amount, currency, status, status_reason, submitted_at
				FROM deal_registration WHERE status IN ('PENDING', 'ON_HOLD') ORDER BY id
				""", rs -> {
			var pam = this.partners.ownerPam(rs.getLong("partner_id")).orElse(null);
			if (pam == null) {
				return 0;
			}
			return send(new RegistrationToDecide(rs.getLong("id"), RegistrationStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("submitted_at").getTime(), rs.getString("customer_name"),
					rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("status_reason"))
				.noticeTo(pam));
		});
	}

	private int leadsToRoute() {
		return each("SELECT id, partner_id, company_name FROM partner_lead WHERE status = 'SUBMITTED' ORDER BY id",
				rs -> {
					var pam = this.partners.ownerPam(rs.getLong("partner_id")).orElse(null);
					if (pam == null) {
						return 0;
					}
					return send(
							new LeadWaiting(rs.getLong("id"), rs.getString("company_name"), null, null).toRouteBy(pam));
				});
	}

	private int leadsRouted() {
		return each("""
				SELECT id, rep_id, company_name, routed_at, follow_up_due_at FROM partner_lead
				WHERE status = 'ROUTED' AND rep_id IS NOT NULL ORDER BY id
				""", rs -> {
			var due = rs.getTimestamp("follow_up_due_at");
			var routed = rs.getTimestamp("routed_at");
			return send(new LeadWaiting(rs.getLong("id"), rs.getString("company_name"),
					routed == null ? null : routed.toInstant(), due == null ? null : due.toInstant())
				.routedTo(rs.getLong("rep_id"), this.calendar.zone()));
		});
	}

	private int disputes() {
		return each("""
				SELECT d.id, d.partner_id, d.raised_by, d.proposed_credit_type, d.proposed_share, d.reason,
				       o.id AS deal_id, o.name AS deal_name, o.owner_id
				FROM credit_dispute d JOIN opportunity o ON o.id = d.opportunity_id
				WHERE d.status = 'OPEN' ORDER BY d.id
				""", rs -> {
			var recipients = new LinkedHashSet<Long>();
			this.partners.ownerPam(rs.getLong("partner_id")).ifPresent(recipients::add);
			this.users.find(rs.getLong("owner_id")).map(owner -> owner.managerId()).ifPresent(recipients::add);
			recipients.remove(rs.getLong("raised_by"));
			var wording = new DisputeToDecide(rs.getLong("id"), rs.getLong("deal_id"), rs.getString("deal_name"),
					CreditType.valueOf(rs.getString("proposed_credit_type")), rs.getBigDecimal("proposed_share"),
					rs.getString("reason"));
			int sent = 0;
			for (var user : recipients) {
				sent += send(wording.noticeTo(user));
			}
			return sent;
		});
	}

	private int mdfRequests() {
		return each("""
				SELECT id, partner_id, activity, cost, currency FROM mdf_request WHERE status = 'REQUESTED' ORDER BY id
				""", rs -> {
			var pam = this.partners.ownerPam(rs.getLong("partner_id")).orElse(null);
			if (pam == null) {
				return 0;
			}
			return send(new MdfRequestToDecide(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("activity"),
					rs.getBigDecimal("cost"), rs.getString("currency"))
				.noticeTo(pam));
		});
	}

	private int send(StaffNotice notice) {
		this.notices.enqueue(notice);
		return 1;
	}

	private int each(String sql, Row row) {
		int[] sent = { 0 };
		this.jdbc.sql(sql).query(rs -> {
			sent[0] += row.notices(rs);
		});
		return sent[0];
	}

	@FunctionalInterface
	private interface Row {

		int notices(ResultSet rs) throws SQLException;

	}

}
