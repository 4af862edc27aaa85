package com.trellis.enablement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.trellis.activity.Activity;
import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.UserSummary;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.validation.ValueLimits;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enablement module's facade: record completions (by the partner user, the admin or
 * an import), read each user's track progress, a partner's completion and
 * applied-enablement rates, and the program's rates.
 */
@Service
public class Enablement {

	static final int APPLIED_WITHIN_DAYS = 60;

	static final List<String> APPLIED_SIGNALS = List.of("PLAY_USED", "OTHER_PLAY_USED", "DEAL_REGISTERED",
			"CO_SELL_MEETING");

	private final EnablementRepository enablement;

	private final Users users;

	private final Partners partners;

	private final Activity activity;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ValueLimits limits;

	private final BusinessCalendar calendar;

	Enablement(EnablementRepository enablement, Users users, Partners partners, Activity activity, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, ValueLimits limits, BusinessCalendar calendar) {
		this.calendar = calendar;
		this.limits = limits;
		this.enablement = enablement;
		this.users = users;
		this.partners = partners;
		this.activity = activity;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records that a partner user completed a course or certification. A partner user
	 * records their own; a program admin or the partner's PAM records anyone's.
	 */
	@Transactional
	public UserProgress record(Viewer viewer, long userId, String itemCode, LocalDate completedOn) {
		var errors = new ArrayList<FieldError>();
		var completion = resolve(viewer, userId, itemCode, completedOn, errors, "");
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		save(viewer, completion, viewer.isPartnerUser() ? "PARTNER" : "ADMIN");
		return progress(viewer, userId);
	}

	/**
	 * Refuses (404) a user who is not one of the partner's: a page of one partner records
	 * completions of its own users only (s59: a partner user's completion sent to another
	 * partner's page was recorded, then redirected to a page they may not open).
	 */
	@Transactional(readOnly = true)
	public void requireUserOf(long partnerId, long userId) {
		if (this.users.find(userId).map(u -> u.partnerId()).filter(p -> p == partnerId).isEmpty()) {
			throw new com.trellis.shared.NotFoundException("Partner user", userId);
		}
	}

	@Transactional(readOnly = true)
	public UserProgress progress(Viewer viewer, long userId) {
		var user = this.users.find(userId)
			.filter(u -> u.partnerId() != null)
			.orElseThrow(() -> new com.trellis.shared.NotFoundException("Partner user", userId));
		this.partners.get(viewer, user.partnerId());
		// with whether each completion was applied, as the partner's read says (try12:
		// null here, true or false there)
		return progressWithApplied(List.of(user), user.partnerId()).get(0);
	}

	@Transactional(readOnly = true)
	public PartnerEnablement ofPartner(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		var progress = progressWithApplied(this.users.contactsOfPartner(partnerId), partnerId);
		var withTrack = progress.stream().filter(p -> p.trackName() != null).toList();
		long complete = withTrack.stream().filter(UserProgress::complete).count();
		long completions = 0;
		long applied = 0;
		for (var user : progress) {
			for (var item : user.items()) {
				if (item.completedOn() != null) {
					completions++;
					applied += Boolean.TRUE.equals(item.applied()) ? 1 : 0;
				}
			}
		}
		int rate = withTrack.isEmpty() ? 0 : (int) Math.round(100.0 * complete / withTrack.size());
		return new PartnerEnablement(partnerId, progress, rate, completions, applied);
	}

	/** For a job: {users with a track role, users through their track} of one partner. */
	@Transactional(readOnly = true)
	public long[] trackSummary(long partnerId) {
		var progress = this.users.contactsOfPartner(partnerId).stream().map(this::progress).toList();
		return new long[] { progress.stream().filter(p -> p.trackName() != null).count(),
				progress.stream().filter(UserProgress::complete).count() };
	}

	/**
	 * Program-wide completion: partners with a user through a whole track, and users
	 * through theirs.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> programRates(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Partner users do not see program figures");
		}
		var rates = this.enablement.rates(today());
		var result = new java.util.LinkedHashMap<String, Long>();
		result.put("partnersComplete", rates.partnersComplete());
		result.put("partnersStarted", rates.partnersStarted());
		result.put("usersComplete", rates.usersComplete());
		result.put("usersStarted", rates.usersStarted());
		return result;
	}

	/**
	 * Every completion of a partner's users as rows of the Trellis completions format
	 * ({@code id, user_id, email, item, completed_on}; {@code id} the completion's own,
	 * by which an edited export corrects it), for whoever sees the partner.
	 */
	@Transactional(readOnly = true)
	public List<List<?>> completionRows(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		var completions = this.enablement.completionsOfPartner(partnerId);
		var users = this.users.byIds(completions.stream().map(c -> c.userId()).distinct().toList());
		var rows = new ArrayList<List<?>>();
		// the completion's id: an edited export re-imported corrects that completion
		rows.add(List.of("id", "user_id", "email", "item", "completed_on"));
		for (var c : completions) {
			var user = users.get(c.userId());
			rows.add(List.of(c.id(), c.userId(), user == null ? "" : user.email(), c.item(), c.completedOn()));
		}
		return rows;
	}

	@Transactional(readOnly = true)
	public List<String> itemCodes() {
		return this.enablement.items().stream().map(EnablementRepository.Item::code).toList();
	}

	/** A user's progress without whether each completion was applied (null). */
	private UserProgress progress(UserSummary user) {
		return progress(user, latest(user), null);
	}

	private Map<Long, EnablementRepository.Completion> latest(UserSummary user) {
		var latest = new HashMap<Long, EnablementRepository.Completion>();
		this.enablement.latestCompletions(user.id()).forEach(c -> latest.put(c.itemId(), c));
		return latest;
	}

	/**
	 * Each user's progress with whether each completion was applied, the partner's
	 * signals looked up for every completion day at once ({@link Activity#anyWithinEach})
	 * instead of one statement per user and item: the same answer per day.
	 */
	private List<UserProgress> progressWithApplied(List<UserSummary> users, long partnerId) {
		var latest = new java.util.LinkedHashMap<UserSummary, Map<Long, EnablementRepository.Completion>>();
		var days = new java.util.TreeSet<LocalDate>();
		for (var user : users) {
			var completions = latest(user);
			latest.put(user, completions);
			completions.values().forEach(c -> days.add(c.completedOn()));
		}
		var ordered = List.copyOf(days);
		var signalled = this.activity.anyWithinEach(partnerId, APPLIED_SIGNALS,
				ordered.stream().map(this.calendar::startOf).toList(),
				ordered.stream().map(day -> this.calendar.startOf(day.plusDays(APPLIED_WITHIN_DAYS))).toList());
		var applied = new HashMap<LocalDate, Boolean>();
		for (int i = 0; i < ordered.size(); i++) {
			applied.put(ordered.get(i), signalled.get(i));
		}
		return latest.entrySet().stream().map(e -> progress(e.getKey(), e.getValue(), applied::get)).toList();
	}

	private UserProgress progress(UserSummary user, Map<Long, EnablementRepository.Completion> latest,
			java.util.function.Function<LocalDate, Boolean> appliedOn) {
		var today = today();
		String trackName = null;
		var items = new ArrayList<ItemProgress>();
		for (var item : this.enablement.items()) {
			if (!item.role().equals(user.jobRole())) {
				continue;
			}
			trackName = item.track();
			var done = latest.get(item.id());
			boolean current = done != null && (done.expiresOn() == null || !done.expiresOn().isBefore(today));
			Boolean applied = null;
			if (appliedOn != null && done != null) {
				applied = appliedOn.apply(done.completedOn());
			}
			items.add(new ItemProgress(item.code(), item.kind(), item.name(), item.required(),
					done == null ? null : done.completedOn(), done == null ? null : done.expiresOn(), current,
					applied));
		}
		return new UserProgress(user.id(), user.displayName(), user.jobRole(), trackName, items);
	}

	/**
	 * Refuses a viewer who may not record completions for the user with one 403 whether
	 * or not the user exists, so the answer reveals no ids: a partner user records their
	 * own, a PAM those of their partners' users, an admin anyone's. Returns the partner
	 * user, or null (for an admin only) when there is none.
	 */
	@Transactional(readOnly = true)
	public UserSummary requireRecords(Viewer viewer, long userId) {
		var refused = new AccessDeniedException(
				"A partner user records their own completions; an admin or PAM those of their partners' users");
		if (!viewer.is(Role.ADMIN, Role.PAM) && !(viewer.isPartnerUser() && viewer.userId() == userId)) {
			throw refused;
		}
		var user = this.users.find(userId).filter(u -> u.partnerId() != null).orElse(null);
		if (user == null && !viewer.is(Role.ADMIN)) {
			throw refused;
		}
		if (user != null && viewer.is(Role.PAM) && !this.partners.manages(viewer, user.partnerId())) {
			throw refused;
		}
		return user;
	}

	private Resolved resolve(Viewer viewer, long userId, String itemCode, LocalDate completedOn,
			List<FieldError> errors, String prefix) {
		var user = requireRecords(viewer, userId);
		if (user == null) {
			errors.add(new FieldError(prefix + "userId", "no partner user " + userId));
			return null;
		}
		var item = itemCode == null ? null : this.enablement.item(itemCode.strip()).orElse(null);
		if (item == null) {
			errors.add(new FieldError(prefix + "item", itemCode == null || itemCode.isBlank()
					? "give the code of the course or certification" : "no course or certification " + itemCode));
		}
		if (completedOn == null) {
			errors.add(new FieldError(prefix + "completedOn", "give the completion date"));
		}
		else if (completedOn.isAfter(today())) {
			errors.add(new FieldError(prefix + "completedOn", "must not be in the future"));
		}
		var tooEarly = this.limits.dateProblem(completedOn);
		tooEarly.ifPresent(problem -> errors.add(new FieldError(prefix + "completedOn", problem)));
		return item == null || completedOn == null || completedOn.isAfter(today()) || tooEarly.isPresent() ? null
				: new Resolved(user, item, completedOn);
	}

	/** Saves a completion once; the new completion's id, empty when it was there. */
	java.util.Optional<Long> save(Viewer viewer, Resolved row, String source) {
		var expires = row.item().validityDays() == null ? null : row.completedOn().plusDays(row.item().validityDays());
		boolean wasComplete = progress(row.user()).complete();
		var id = this.enablement.insert(row.item().id(), row.user().id(), row.user().partnerId(), row.completedOn(),
				expires, source, viewer.userId(), this.clock.instant());
		if (id.isEmpty()) {
			return id;
		}
		this.activity.record(row.user().partnerId(), row.user().id(),
				"CERTIFICATION".equals(row.item().kind()) ? "CERTIFICATION_EARNED" : "TRAINING_COMPLETED",
				row.item().code() + " " + row.item().name());
		this.audit.record(viewer.actor(), "enablement-completion", row.user().id() + ":" + row.item().code(),
				"recorded (" + source.toLowerCase(Locale.ROOT) + ")", null,
				Map.of("item", row.item().code(), "completedOn", row.completedOn().toString()));
		if (!wasComplete && progress(row.user()).complete()) {
			this.events
				.publishEvent(new EnablementCompleted(row.user().partnerId(), row.user().id(), row.user().jobRole()));
		}
		return id;
	}

	private LocalDate today() {
		return this.calendar.today();
	}

	record Resolved(UserSummary user, EnablementRepository.Item item, LocalDate completedOn) {
	}

}
