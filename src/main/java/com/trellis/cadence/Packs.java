package com.trellis.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.UserSummary;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cadence module's facade: the quarter's meetings a viewer attends and the pack for
 * each. Program admins and executives see every pack; a PAM sees the packs of their own
 * book (the weekly call, their forecast 1:1 and their planning 1:1); nobody else attends.
 */
@Service
public class Packs {

	private final PackContent content;

	private final Users users;

	private final BusinessCalendar calendar;

	private final CadenceProperties properties;

	Packs(PackContent content, Users users, BusinessCalendar calendar, CadenceProperties properties) {
		this.properties = properties;
		this.content = content;
		this.users = users;
		this.calendar = calendar;
	}

	/** The fiscal quarter a day falls in, named like "2026-Q4" or "FY2027-Q1". */
	public String quarterOf(LocalDate day) {
		return this.calendar.quarterOf(day).label();
	}

	/** Today's fiscal quarter. */
	public String currentQuarter() {
		return this.calendar.currentQuarter().label();
	}

	/** Today's week of the current quarter. */
	public int currentWeek() {
		return this.calendar.weekOfQuarter(this.calendar.today());
	}

	/** The quarter a label names, with the holidays its meeting days avoid. */
	QuarterCalendar quarter(String label) {
		var quarter = this.calendar.quarter(label);
		return QuarterCalendar.of(quarter, this.calendar.holidays(quarter.start(), quarter.end().plusDays(7)));
	}

	/** The meetings of a quarter the viewer attends, in order. */
	@Transactional(readOnly = true)
	public List<Entry> calendar(Viewer viewer, String quarter) {
		var calendar = quarter(quarter);
		requireAttendee(viewer);
		var pams = this.users.withRole(Role.PAM)
			.stream()
			.sorted(java.util.Comparator.comparing(UserSummary::displayName).thenComparing(UserSummary::id))
			.toList();
		var zone = this.properties.timeZone() != null ? this.properties.timeZone() : this.calendar.zone();
		var entries = new ArrayList<Entry>();
		var next = new java.util.HashMap<Integer, Instant>();
		var self = viewer.is(Role.PAM) ? self(viewer) : null;
		for (var slot : calendar.slots()) {
			// the day's meetings follow one another in the same order for everyone (the
			// program's, and each PAM's in turn), so a meeting has one time in every file
			for (var pam : slot.meeting().perPam() ? pams : java.util.Collections.<UserSummary>singletonList(null)) {
				var start = next.computeIfAbsent(slot.week(),
						week -> slot.day().atTime(this.properties.startsAt()).atZone(zone).toInstant());
				next.put(slot.week(), start.plus(slot.meeting().length()));
				// a PAM attends their own 1:1s and the weekly call, narrowed to their
				// book
				var attendee = pam != null ? pam
						: (self != null && slot.meeting() == Meeting.WEEKLY_CALL) ? self : null;
				if (self != null && (attendee == null || attendee.id() != self.id())) {
					continue;
				}
				entries.add(new Entry(calendar.label(), slot.week(), slot.day(), start, slot.meeting(),
						attendee == null ? null : attendee.id(),
						attendee == null ? "Program" : attendee.displayName()));
			}
		}
		return entries;
	}

	/**
	 * The week of the quarter a path names, as a whole number; one beyond an int is read
	 * as its end, which the quarter then refuses in its own words (1 to 13), as any week
	 * outside it (try72: 99999999999 was told the range of an int).
	 */
	static int week(String text) {
		var week = com.trellis.shared.FormFields.nearestWhole(text);
		if (week == null) {
			throw InvalidInputException.of("week",
					"must be a whole number between 1 and " + com.trellis.shared.FiscalQuarter.WEEKS + " ('"
							+ com.trellis.shared.Quoted.of(text) + "' is not)");
		}
		return week;
	}

	/**
	 * The pack of one meeting. {@code pam} picks the PAM of a 1:1, or narrows the weekly
	 * call to a PAM's book; a PAM always gets their own.
	 */
	@Transactional(readOnly = true)
	public Pack pack(Viewer viewer, String quarter, Meeting meeting, int week, Long pam) {
		var calendar = quarter(quarter);
		calendar.weekStart(week);
		if (!meeting.fallsIn(week)) {
			throw InvalidInputException.of("week", meeting.title() + " meets in " + meeting.weeksInWords());
		}
		var audience = audience(viewer, meeting, pam);
		return new Pack(meeting, calendar.label(), week, calendar.meetingDay(week),
				audience == null ? "Program" : audience.displayName(), this.calendar.now(),
				this.content.sections(viewer, meeting, calendar, week, audience == null ? null : audience.id()));
	}

	private UserSummary audience(Viewer viewer, Meeting meeting, Long pam) {
		requireAttendee(viewer);
		if (viewer.is(Role.PAM)) {
			if (!meeting.perPam() && meeting != Meeting.WEEKLY_CALL) {
				throw new AccessDeniedException("The " + meeting.title() + " is for program leadership");
			}
			if (pam != null && pam != viewer.userId()) {
				throw new AccessDeniedException(CadenceChecks.OWN_BOOK);
			}
			return self(viewer);
		}
		if (pam == null) {
			if (meeting.perPam()) {
				throw InvalidInputException.of("pam", "the " + meeting.title() + " is held with one PAM; choose one");
			}
			return null;
		}
		if (!meeting.perPam() && meeting != Meeting.WEEKLY_CALL) {
			throw InvalidInputException.of("pam", "the " + meeting.title() + " covers the whole program");
		}
		return this.users.find(pam)
			.filter(u -> u.role() == Role.PAM)
			.orElseThrow(() -> InvalidInputException.of("pam", "no PAM with id " + pam));
	}

	private UserSummary self(Viewer viewer) {
		return this.users.find(viewer.userId()).orElseThrow();
	}

	private static void requireAttendee(Viewer viewer) {
		if (!viewer.is(Role.ADMIN, Role.EXECUTIVE, Role.PAM)) {
			throw new AccessDeniedException("Meeting packs are for the partner team and program leadership");
		}
	}

	/**
	 * One meeting of the quarter as the viewer sees it.
	 *
	 * @param startsAt when it starts: the meeting day's meetings follow one another from
	 * {@code trellis.cadence.starts-at} in {@code trellis.cadence.time-zone} (the
	 * business zone when unset), the program's and each PAM's (by name) in the order of
	 * {@link Meeting}, the same for every viewer
	 * @param pamId the PAM of a 1:1 or of a book-narrowed call; null for a program
	 * meeting
	 * @param audience the PAM's name, or "Program"
	 */
	public record Entry(String quarter, int week, LocalDate day, Instant startsAt, Meeting meeting, Long pamId,
			String audience) {
	}

}
