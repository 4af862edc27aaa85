package com.trellis.cohorts;

import java.time.Clock;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.validation.Commands;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cohorts module's facade. Admins and executives see every cohort, a PAM the cohorts
 * with partners of their book (and of those, only their partners); a partner user sees
 * only its own partner's cohort history. Only admins make or change cohorts.
 */
@Service
public class Cohorts {

	/** How many weeks of figures a cohort page or API call shows at most. */
	static final int MAX_WEEKS = 52;

	private final CohortRepository cohorts;

	private final JourneyRepository journey;

	private final CohortMetrics metrics;

	private final CohortRuns runs;

	private final Partners partners;

	private final AuditLog audit;

	private final Commands commands;

	private final BusinessCalendar calendar;

	private final Clock clock;

	Cohorts(CohortRepository cohorts, JourneyRepository journey, CohortMetrics metrics, CohortRuns runs,
			Partners partners, AuditLog audit, Commands commands, BusinessCalendar calendar, Clock clock) {
		this.cohorts = cohorts;
		this.journey = journey;
		this.metrics = metrics;
		this.runs = runs;
		this.partners = partners;
		this.audit = audit;
		this.commands = commands;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<CohortView> list(Viewer viewer) {
		return this.cohorts.list(book(viewer));
	}

	/**
	 * A cohort's membership history; a PAM only of the book's partners, 404 without any.
	 */
	@Transactional(readOnly = true)
	public List<Membership> memberships(Viewer viewer, long cohortId) {
		var pam = book(viewer);
		var history = this.cohorts.exists(cohortId) ? this.cohorts.ofCohort(cohortId, pam) : List.<Membership>of();
		if (history.isEmpty() && (pam != null || !this.cohorts.exists(cohortId))) {
			throw new NotFoundException("cohort", cohortId);
		}
		return history;
	}

	/**
	 * A partner's cohort history: vendor staff who may see the partner, a partner user
	 * only its own (another partner's is 404, like the partner itself) and only the
	 * program's rule cohorts (by maturity, vertical and capability): a cohort an admin
	 * made by hand, its name and who picked the partner are the vendor's own notes.
	 */
	@Transactional(readOnly = true)
	public List<Membership> ofPartner(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		var memberships = this.cohorts.ofPartner(partnerId);
		return viewer.isPartnerUser() ? memberships.stream().filter(m -> "RULE".equals(m.kind())).toList()
				: memberships;
	}

	/** Journey counts per cohort and week, the last {@code weeks} weeks. */
	@Transactional(readOnly = true)
	public List<CohortWeek> journey(Viewer viewer, Integer weeks) {
		return this.journey.weeks(since(weeks), book(viewer), this.calendar.zone());
	}

	/** The cohorts' figures per week, the last {@code weeks} weeks. */
	@Transactional(readOnly = true)
	public List<CohortMetricWeek> metrics(Viewer viewer, Integer weeks) {
		return this.metrics.weeks(since(weeks), book(viewer), this.calendar.zone());
	}

	/** The rule split as it would be made now (nothing is changed). */
	@Transactional(readOnly = true)
	public List<SuggestedCohort> suggestion(Viewer viewer) {
		requireAdmin(viewer);
		return CohortSplit.suggest(this.cohorts.candidates())
			.stream()
			.map(g -> new SuggestedCohort(g.key(), g.name(), g.basis(), g.partnerIds().size(), g.partnerIds()))
			.toList();
	}

	/** The admin makes the suggestion the rule cohorts; returns them. */
	public List<CohortView> applySuggestion(Viewer viewer) {
		requireAdmin(viewer);
		this.runs.applySplit(viewer.actor());
		return list(viewer);
	}

	/** A cohort by hand: the admin names it and picks its partners. */
	@Transactional
	public CohortView create(Viewer viewer, CohortCommand command) {
		requireAdmin(viewer);
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		// the name's and every partner's problems in one answer (try71b: the name alone)
		com.trellis.shared.FormErrors
			.checks(() -> this.commands.check(command), () -> requirePartners(viewer, command.partnerIds()))
			.run();
		if (this.cohorts.named(command.name().strip())) {
			// s56: two rows of one name on the charts and the ROI page, told apart by
			// nobody
			throw new ConflictException("name", "a cohort is named so already; choose another name");
		}
		var now = this.clock.instant();
		long id = this.cohorts.create(command.name().strip(), "MANUAL", null, "picked by " + viewer.name(),
				viewer.userId(), now);
		command.partnerIds().forEach(p -> this.cohorts.join(id, p, "picked by " + viewer.name(), now));
		this.audit.record(viewer.actor(), "cohort", id, "create", null, command);
		return list(viewer).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
	}

	/** Adds partners to a cohort made by hand. */
	@Transactional
	public List<Membership> addMembers(Viewer viewer, long cohortId, List<Long> partnerIds) {
		requireManual(viewer, cohortId);
		if (partnerIds == null || partnerIds.isEmpty() || partnerIds.size() > 500) {
			throw InvalidInputException.of("partnerIds", "name 1 to 500 partners");
		}
		requirePartners(viewer, partnerIds);
		var now = this.clock.instant();
		partnerIds.forEach(p -> this.cohorts.join(cohortId, p, "added by " + viewer.name(), now));
		this.audit.record(viewer.actor(), "cohort", cohortId, "add-members", null, partnerIds);
		return this.cohorts.ofCohort(cohortId, null);
	}

	/** Ends a partner's membership of a cohort made by hand (its history stays). */
	@Transactional
	public List<Membership> removeMember(Viewer viewer, long cohortId, long partnerId) {
		requireManual(viewer, cohortId);
		if (this.cohorts.leave(cohortId, partnerId, this.clock.instant()) == 0) {
			throw new NotFoundException("cohort member", partnerId);
		}
		this.audit.record(viewer.actor(), "cohort", cohortId, "remove-member", partnerId, null);
		return this.cohorts.ofCohort(cohortId, null);
	}

	private void requireManual(Viewer viewer, long cohortId) {
		requireAdmin(viewer);
		if (!this.cohorts.exists(cohortId)) {
			throw new NotFoundException("cohort", cohortId);
		}
		if (!"MANUAL".equals(this.cohorts.kind(cohortId))) {
			throw new ConflictException("cohortId",
					"a rule cohort's partners follow the rule split; apply a new split or make a cohort by hand");
		}
	}

	/**
	 * Every partner id that names no partner, and every one given twice (try71b: a repeat
	 * was taken without a word), each named by its place in the list, in one answer.
	 */
	private void requirePartners(Viewer viewer, List<Long> ids) {
		if (ids == null) {
			return; // the command's own check names the list
		}
		var known = this.partners.names(viewer, ids.stream().filter(java.util.Objects::nonNull).toList());
		var errors = new java.util.ArrayList<InvalidInputException.FieldError>();
		var seen = new java.util.HashMap<Long, Integer>();
		for (int i = 0; i < ids.size(); i++) {
			var id = ids.get(i);
			if (id == null) {
				continue;
			}
			var first = seen.putIfAbsent(id, i);
			if (first != null) {
				errors.add(new InvalidInputException.FieldError("partnerIds[" + i + "]",
						"repeats partnerIds[" + first + "]; name each partner once"));
			}
			else if (!known.containsKey(id)) {
				errors.add(new InvalidInputException.FieldError("partnerIds[" + i + "]", "no partner with id " + id));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * Whether the daily job's rows answer a window of {@code weeks} (null: the default).
	 */
	static boolean storedWindow(Integer weeks) {
		return weeks == null || weeks <= CohortPage.STORED_WEEKS;
	}

	/**
	 * The first week of a window read from the job's rows: null for the job's whole
	 * {@value CohortPage#STORED_WEEKS} (the default), else {@link #since}'s (a bad
	 * {@code weeks} refused naming it).
	 */
	java.time.LocalDate storedFrom(Integer weeks) {
		return weeks == null || weeks == CohortPage.STORED_WEEKS ? null : since(weeks);
	}

	java.time.LocalDate since(Integer weeks) {
		int n = weeks == null ? CohortPage.STORED_WEEKS : weeks;
		if (n < 1 || n > MAX_WEEKS) {
			throw InvalidInputException.of("weeks", "must be between 1 and " + MAX_WEEKS);
		}
		// fiscal weeks start with their quarter, so a quarter's last week may be longer
		// than seven days: step back a week at a time (try45: 7-day steps across a
		// quarter's start left its last week out, 12 weeks charted of 13)
		var start = this.runs.weekStart(this.calendar.today());
		for (int i = 1; i < n; i++) {
			start = this.runs.weekStart(start.minusDays(1));
		}
		return start;
	}

	/** The PAM whose book narrows what a viewer sees; null for admins and executives. */
	static Long book(Viewer viewer) {
		if (viewer.is(Role.ADMIN, Role.EXECUTIVE)) {
			return null;
		}
		if (viewer.is(Role.PAM)) {
			return viewer.userId();
		}
		throw new AccessDeniedException("Cohorts are for PAMs, admins and executives");
	}

	/** Refuses anyone but a program admin: only admins make or change cohorts. */
	static void requireAdmin(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only an admin changes cohorts");
		}
	}

}
