package com.trellis.registration;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Viewer;
import com.trellis.notify.NoticeAudience;
import com.trellis.notify.Notifications;
import com.trellis.notify.PartnerNotice;
import com.trellis.shared.SqlPipeline;
import com.trellis.registration.RegistrationRepository.Row;
import com.trellis.shared.ConflictException;
import com.trellis.shared.StoredFigures;
import com.trellis.shared.validation.FreeText;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A registration moved from one status to another: the change, its history entry and
 * audit entry, and the partner's notice (with {@link RegistrationDecided} for an approval
 * or rejection); which moves are allowed, and the approval deadline. Split from
 * {@link Registrations}.
 * <p>
 * The partner's notice (its inbox entry and pending deliveries) is written in the
 * transaction of the move, not by an asynchronous listener: it is derived from the move
 * alone, so it commits exactly when the move does (a crash or a second instance cannot
 * lose or repeat it, and its key is unique besides); the e-mail and Slack messages are
 * still sent afterwards by the notify module's dispatcher. This saves the event
 * publication row and the listener's three transactions (mark processing, write, mark
 * completed) per notice.
 */
@Component
class StatusMoves {

	private final RegistrationRepository registrations;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final Notifications notifications;

	StatusMoves(RegistrationRepository registrations, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			com.trellis.shared.BusinessCalendar calendar, Notifications notifications) {
		this.notifications = notifications;
		this.registrations = registrations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.calendar = calendar;
	}

	RegistrationView move(Viewer viewer, Row row, RegistrationStatus to, String internal, String external,
			boolean tellPartner) {
		var before = row.view();
		var now = this.clock.instant();
		this.registrations.changeStatus(before.id(), to, external, viewer.userId(), now);
		this.registrations.recordHistory(before.id(), before.status(), to, viewer.userId(), now, internal);
		var after = this.registrations.findForUpdate(before.id()).orElseThrow().view();
		this.audit.record(viewer.actor(), "deal-registration", before.id(), internal, before, after);
		if (tellPartner) {
			// the name and a reason read back as typed (StoredFigures)
			notice(after, to.name(),
					"Registration " + to.label().toLowerCase() + ": " + StoredFigures.text(after.customerName()),
					StoredFigures.text(external));
		}
		return after;
	}

	void notice(RegistrationView view, String outcome, String subject, String body) {
		this.notifications.enqueue(decided(view, outcome, subject, body));
	}

	/**
	 * As {@link #notice(RegistrationView, String, String, String)}, with the partner's
	 * users and channels read before (a registration reads them before the customer's
	 * lock).
	 */
	void notice(RegistrationView view, String outcome, String subject, String body, NoticeAudience audience) {
		this.notifications.enqueue(decided(view, outcome, subject, body), audience);
	}

	/**
	 * As {@link #notice(RegistrationView, String, String, String, NoticeAudience)}, with
	 * the partner's notice added to the caller's pipeline when it has no deliveries
	 * ({@link Notifications#enqueue(PartnerNotice, NoticeAudience, SqlPipeline)}); the
	 * decision is announced ({@link RegistrationDecided}) only by
	 * {@link #announce(RegistrationView, String)}, once the caller sent the pipeline.
	 */
	void notice(RegistrationView view, String outcome, String subject, String body, NoticeAudience audience,
			SqlPipeline pipeline) {
		this.notifications.enqueue(partnerNotice(view, outcome, subject, body), audience, pipeline);
	}

	/** Announces an approval or a rejection ({@link RegistrationDecided}). */
	void announce(RegistrationView view, String outcome) {
		if (RegistrationStatus.APPROVED.name().equals(outcome) || RegistrationStatus.REJECTED.name().equals(outcome)) {
			this.events.publishEvent(new RegistrationDecided(view.id(), view.partnerId(), outcome));
		}
	}

	private PartnerNotice decided(RegistrationView view, String outcome, String subject, String body) {
		announce(view, outcome);
		return partnerNotice(view, outcome, subject, body);
	}

	private PartnerNotice partnerNotice(RegistrationView view, String outcome, String subject, String body) {
		return new PartnerNotice(
				"registration:" + view.id() + ":" + outcome + ":" + this.clock.instant().toEpochMilli(),
				view.partnerId(), "REGISTRATION_" + outcome, subject, body, "/registrations/" + view.id());
	}

	/** When the approval is due: the SLA's business days in the business calendar. */
	java.time.Instant slaDue(java.time.Instant now, RegistrationRules rules) {
		return BusinessDays.due(now, rules.approvalSlaBusinessDays(), this.calendar);
	}

	/**
	 * The business days an approval deadline set at {@code at} may reach (the holidays
	 * read once), for {@link #slaDue(java.time.Instant, RegistrationRules, SlaDays)} a
	 * little later.
	 */
	SlaDays slaDays(java.time.Instant at, RegistrationRules rules) {
		var day = this.calendar.dayOf(at);
		return new SlaDays(day, this.calendar.workingDays(day, rules.approvalSlaBusinessDays()));
	}

	/**
	 * As {@link #slaDays(java.time.Instant, RegistrationRules)} for the longest approval
	 * deadline the rules allow ({@link #LONGEST_SLA}), so that the holidays are read
	 * before the rules (in the caller's pipeline): they cover every shorter deadline.
	 */
	java.util.function.Supplier<SlaDays> slaDays(SqlPipeline pipeline, java.time.Instant at) {
		var day = this.calendar.dayOf(at);
		var read = this.calendar.workingDays(pipeline, day, LONGEST_SLA);
		return () -> new SlaDays(day, read.get());
	}

	/**
	 * The longest approval deadline in business days (the rules' bound, {@code @Max} of
	 * {@link RegistrationRules#approvalSlaBusinessDays()} and the column's check).
	 */
	static final int LONGEST_SLA = 30;

	/**
	 * As {@link #slaDue(java.time.Instant, RegistrationRules)}, with the business days
	 * read before: the same deadline, the holidays read again only when {@code now} falls
	 * on another business day than they were read for.
	 */
	java.time.Instant slaDue(java.time.Instant now, RegistrationRules rules, SlaDays read) {
		if (!this.calendar.dayOf(now).equals(read.day())) {
			return slaDue(now, rules);
		}
		return BusinessDays.add(now, rules.approvalSlaBusinessDays(), read.days());
	}

	/** Business days read for an approval deadline set on {@code day}. */
	record SlaDays(java.time.LocalDate day, com.trellis.shared.WorkingDays days) {
	}

	/**
	 * Refuses what the registration's status does not allow ({@link StatusAction}),
	 * naming the status in words, as a conflict with its current state (409).
	 */
	static void requireMove(Row row, StatusAction action) {
		requireMove(row.view(), action, () -> {
		});
	}

	/**
	 * As {@link #requireMove(Row, StatusAction)} once the request's own input passed its
	 * checks ({@code input}, which change nothing): input that breaks them is refused as
	 * bad input (400), naming the status too when it refuses as well
	 * ({@link ConflictException#afterInput}).
	 */
	static void requireMove(RegistrationView view, StatusAction action, Runnable input) {
		ConflictException.afterInput(input, conflict(view, action));
	}

	/**
	 * As {@link #requireMove(RegistrationView, StatusAction, Runnable)}, handing back
	 * what the input checks made of the input.
	 */
	static <T> T requireMove(RegistrationView view, StatusAction action, java.util.function.Supplier<T> input) {
		return ConflictException.afterInput(input, conflict(view, action));
	}

	/** Why the status refuses the action, as a conflict; null when it allows it. */
	static ConflictException conflict(RegistrationView view, StatusAction action) {
		var from = view.status();
		if (action.allowedFrom(from)) {
			return null;
		}
		if (from == RegistrationStatus.APPROVED && action == StatusAction.WITHDRAW) {
			return new ConflictException("status", "an approved registration cannot be withdrawn: its deal #"
					+ view.opportunityId()
					+ " is open with this partner, and another partner's registration would be given the customer"
					+ " while it stays open; the deal is closed as lost instead");
		}
		return new ConflictException("status", action.refusal(from));
	}

	static void requireReason(String reason) {
		FreeText.required("reason", reason, FreeText.NOTE, "a reason is required");
	}

}
