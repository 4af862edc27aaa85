package com.trellis.leads;

import java.time.Instant;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.Plural;

import org.springframework.stereotype.Component;

/**
 * The follow-up window as configured ({@link LeadProperties}): the deadline of a lead
 * routed at a moment ({@link FollowUpDeadline#due}, business days counted in the business
 * calendar) and the rule in words. Split from {@link Leads}.
 */
@Component
class FollowUpWindow {

	private final LeadProperties properties;

	private final BusinessCalendar calendar;

	FollowUpWindow(LeadProperties properties, BusinessCalendar calendar) {
		this.properties = properties;
		this.calendar = calendar;
	}

	/** When a lead routed at {@code routedAt} must have had its first follow-up. */
	Instant due(Instant routedAt) {
		int days = this.properties.followUpDays();
		return FollowUpDeadline.due(routedAt, days, this.properties.businessDays(),
				this.calendar.workingDays(this.calendar.dayOf(routedAt), days));
	}

	/** The window in words, e.g. "2 business days from routing". */
	String rule() {
		return Plural.of(this.properties.followUpDays(),
				this.properties.businessDays() ? "business day" : "calendar day") + " from routing";
	}

}
