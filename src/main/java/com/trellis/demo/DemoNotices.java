package com.trellis.demo;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;

import com.trellis.deals.CreditType;
import com.trellis.identity.Users;
import com.trellis.notify.StaffNotice;
import com.trellis.notify.StaffNoticeKind;
import com.trellis.notify.StaffNotices;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff notices the live path writes for what the demo loaded as still open at its
 * today: registrations to decide (PENDING or ON_HOLD), leads to route and leads routed to
 * a rep, open credit disputes and MDF requests to decide. Each goes through the notify
 * module's facade ({@link StaffNotices#enqueue}) with the key the live path gives it, so
 * a newcomer's inbox matches their queue and nothing is told twice.
 */
final class DemoNotices {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
			var status = rs.getString("status");
			var held = status.equals("ON_HOLD");
			var customer = rs.getString("customer_name");
			long id = rs.getLong("id");
			return send(new StaffNotice(
					"registration:" + id + ":" + status + ":" + rs.getTimestamp("submitted_at").getTime() + ":user:"
							+ pam,
					pam, StaffNoticeKind.REGISTRATION_SUBMITTED,
					(held ? "Registration on hold: " : "Registration to decide: ") + customer,
					customer + " (" + rs.getBigDecimal("amount").toPlainString() + " " + rs.getString("currency")
							+ ") waits for your decision."
							+ (held ? " It is on hold: " + rs.getString("status_reason") : ""),
					"/registrations/" + id));
		});
	}

	private int leadsToRoute() {
		return each("SELECT id, partner_id, company_name FROM partner_lead WHERE status = 'SUBMITTED' ORDER BY id",
				rs -> {
					var pam = this.partners.ownerPam(rs.getLong("partner_id")).orElse(null);
					if (pam == null) {
						return 0;
					}
					long id = rs.getLong("id");
					var company = rs.getString("company_name");
					return send(new StaffNotice("lead:" + id + ":TO_ROUTE:user:" + pam, pam,
							StaffNoticeKind.LEAD_TO_ROUTE, "Lead to route: " + company,
							"A partner lead for " + company + " matched no account owner: pick the rep.",
							"/leads/" + id));
				});
	}

	private int leadsRouted() {
		return each("""
				SELECT id, rep_id, company_name, routed_at, follow_up_due_at FROM partner_lead
				WHERE status = 'ROUTED' AND rep_id IS NOT NULL ORDER BY id
				""", rs -> {
			long id = rs.getLong("id");
			long rep = rs.getLong("rep_id");
			var company = rs.getString("company_name");
			var due = rs.getTimestamp("follow_up_due_at");
			var routed = rs.getTimestamp("routed_at");
			return send(
					new StaffNotice(
							"lead:" + id + ":ROUTED:" + (routed == null ? 0 : routed.getTime()) + ":user:" + rep, rep,
							StaffNoticeKind.LEAD_ROUTED, "Lead routed to you: " + company,
							"A partner lead for " + company + " is yours to accept or decline."
									+ (due == null ? ""
											: " Follow up by "
													+ WHEN.format(due.toInstant().atZone(this.calendar.zone())) + " ("
													+ this.calendar.zone().getId() + ")."),
							"/leads/" + id));
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
			int sent = 0;
			for (var user : recipients) {
				sent += send(new StaffNotice("credit-dispute:" + rs.getLong("id") + ":RAISED:user:" + user, user,
						StaffNoticeKind.CREDIT_DISPUTE, "Credit dispute on " + rs.getString("deal_name"),
						"The partner credit of " + rs.getString("deal_name") + " is disputed: proposed "
								+ CreditType.valueOf(rs.getString("proposed_credit_type")).label().toLowerCase()
								+ " at " + rs.getBigDecimal("proposed_share").toPlainString() + "%. "
								+ rs.getString("reason"),
						"/opportunities/" + rs.getLong("deal_id")));
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
			long id = rs.getLong("id");
			BigDecimal cost = rs.getBigDecimal("cost");
			return send(new StaffNotice(
					"mdf-request:" + id + ":REQUESTED:user:" + pam, pam, StaffNoticeKind.MDF_REQUEST,
					"MDF request to decide: " + rs.getString("activity"), "Requested " + cost.toPlainString() + " "
							+ rs.getString("currency") + " for " + rs.getString("activity") + ".",
					"/partners/" + rs.getLong("partner_id") + "/incentives"));
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
