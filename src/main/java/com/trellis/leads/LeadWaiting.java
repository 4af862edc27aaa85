package com.trellis.leads;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.trellis.notify.StaffNotice;
import com.trellis.notify.StaffNoticeKind;
import com.trellis.shared.StoredFigures;

/**
 * The words of the notices a lead brings to vendor staff (to route, for its PAM; routed,
 * for its rep), kept in one place for the live path ({@link LeadNotices}) and the demo
 * alike.
 *
 * @param routedAt when it was routed (part of the routed notice's key), or null
 * @param followUpDueAt the rep's deadline, or null
 */
public record LeadWaiting(long leadId, String companyName, Instant routedAt, Instant followUpDueAt) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The notice to the partner's PAM, who picks the rep. */
	public StaffNotice toRouteBy(long pamId) {
		return new StaffNotice("lead:" + this.leadId + ":TO_ROUTE:user:" + pamId, pamId, StaffNoticeKind.LEAD_TO_ROUTE,
				"Lead to route: " + StoredFigures.text(this.companyName), "A partner lead for "
						+ StoredFigures.text(this.companyName) + " matched no account owner: pick the rep.",
				"/leads/" + this.leadId);
	}

	/** The notice to the rep it was routed to, with the deadline in the business zone. */
	public StaffNotice routedTo(long repId, ZoneId businessZone) {
		var due = this.followUpDueAt == null ? "" : " Follow up by "
				+ WHEN.format(this.followUpDueAt.atZone(businessZone)) + " (" + businessZone.getId() + ").";
		return new StaffNotice(
				"lead:" + this.leadId + ":ROUTED:" + (this.routedAt == null ? 0 : this.routedAt.toEpochMilli())
						+ ":user:" + repId,
				repId, StaffNoticeKind.LEAD_ROUTED, "Lead routed to you: " + StoredFigures.text(this.companyName),
				"A partner lead for " + StoredFigures.text(this.companyName) + " is yours to accept or decline." + due,
				"/leads/" + this.leadId);
	}

}
