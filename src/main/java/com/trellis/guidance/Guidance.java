package com.trellis.guidance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.trellis.cosell.CoSellRequests;
import com.trellis.deals.DealProfiles;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.registration.Registrations;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.validation.FreeText;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each person's recommendations: raised once a day, read ranked (kinds that do not help
 * last), accepted, dismissed with a reason or snoozed, and how useful each kind is.
 */
@Service
public class Guidance {

	/**
	 * Days after its window closed that a recommendation's outcome is still looked for.
	 */
	static final int OUTCOME_GRACE_DAYS = 7;

	/** The furthest a recommendation can be snoozed. */
	static final int MAX_SNOOZE_DAYS = 90;

	private static final Logger log = LoggerFactory.getLogger(Guidance.class);

	private final GuidanceStore store;

	private final Advisors advisors;

	private final Registrations registrations;

	private final CoSellRequests cosell;

	private final DealProfiles deals;

	private final BusinessCalendar calendar;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Guidance(GuidanceStore store, Advisors advisors, Registrations registrations, CoSellRequests cosell,
			DealProfiles deals, BusinessCalendar calendar, Clock clock, TransactionTemplate transaction) {
		this.cosell = cosell;
		this.deals = deals;
		this.store = store;
		this.advisors = advisors;
		this.registrations = registrations;
		this.calendar = calendar;
		this.clock = clock;
		this.transaction = transaction;
	}

	/**
	 * The day's run: raises everyone's recommendations and looks for the outcomes of
	 * earlier ones, once per business day across instances (the run's key, under an
	 * advisory lock that a second instance waits on). Returns false when the day, or a
	 * later one, had run: a day before the latest run (the business zone moved west, the
	 * clock set back) is never run, as the list shows what the latest day's run raised.
	 */
	public boolean runDaily() {
		var today = this.calendar.today();
		if (this.store.ranOnOrAfter(today)) {
			log.info("Guidance: the run for {} or a later day is recorded; nothing to do", today);
			return false;
		}
		// read through the other modules' facades first, each read in its own transaction
		// (a person without an activation plan yet must not spoil the writing one)
		var everyone = this.advisors.everyone();
		var ran = this.transaction.execute(status -> {
			this.store.lockRun();
			if (this.store.ranOnOrAfter(today)) {
				return false;
			}
			int shown = 0;
			for (var entry : everyone.entrySet()) {
				for (var advice : entry.getValue()) {
					this.store.show(entry.getKey(), advice, today);
					shown++;
				}
			}
			int outcomes = trackOutcomes(today);
			this.store.summarise(today);
			this.store.recordRun(today, shown, this.clock.instant());
			log.info("Guidance: {} recommendations shown, {} outcomes seen as of {}", shown, outcomes, today);
			return true;
		});
		return Boolean.TRUE.equals(ran);
	}

	/**
	 * The outcome each recommendation aimed at — the first co-sell request to the partner
	 * for an introduction, the partner on the deal for a partner fit, its first deal
	 * registration for the others — after it was shown (or, once accepted, after its
	 * acceptance) and by its window's last day.
	 */
	int trackOutcomes(LocalDate today) {
		int seen = 0;
		var zone = this.calendar.zone();
		for (var pending : this.store.pendingOutcomes(today, OUTCOME_GRACE_DAYS, zone)) {
			var first = switch (pending.outcome()) {
				case COSELL -> this.cosell.firstRequestedAt(pending.partnerId(), pending.since());
				case REGISTRATION -> this.registrations.firstSubmittedAt(pending.partnerId(), pending.since());
				case DEAL_PARTNER -> onDeal(pending);
			};
			if (first != null && !first.atZone(zone).toLocalDate().isAfter(pending.due())) {
				this.store.outcome(pending.id(), first);
				seen++;
			}
		}
		return seen;
	}

	/**
	 * When the partner of a partner fit got onto its deal — attached, or asked for
	 * co-sell help there, whichever came first — after the moment given, or null.
	 */
	private java.time.Instant onDeal(GuidanceStore.Pending pending) {
		if (pending.opportunityId() == null) {
			return null;
		}
		var attached = this.deals.partnerAttachedAt(pending.opportunityId(), pending.partnerId(), pending.since());
		var asked = this.cosell.firstRequestedOnDealAt(pending.partnerId(), pending.opportunityId(), pending.since());
		if (attached == null || asked == null) {
			return attached != null ? attached : asked;
		}
		return attached.isBefore(asked) ? attached : asked;
	}

	/**
	 * The viewer's waiting recommendations, best first: kinds ranked down (by the summary
	 * of the last daily run) go last.
	 */
	@Transactional(readOnly = true)
	public List<RecommendationView> current(Viewer viewer) {
		var today = this.calendar.today();
		var down = rankedDown();
		return this.store.current(viewer.userId(), today)
			.stream()
			.sorted(Comparator.comparing((RecommendationView r) -> down.contains(r.kind()))
				.thenComparing(RecommendationView::kind)
				.thenComparing(RecommendationView::shownOn, Comparator.reverseOrder())
				.thenComparing(RecommendationView::id))
			.toList();
	}

	/** The first {@code limit} of {@link #current}, for a home page. */
	@Transactional(readOnly = true)
	public List<RecommendationView> top(Viewer viewer, int limit) {
		return current(viewer).stream().limit(limit).toList();
	}

	/** What the viewer did with recent recommendations. */
	@Transactional(readOnly = true)
	public List<RecommendationView> handled(Viewer viewer) {
		return this.store.handled(viewer.userId(), 20);
	}

	/** Every recommendation the viewer has handled, newest first (the export). */
	@Transactional(readOnly = true)
	public List<RecommendationView> everyHandled(Viewer viewer) {
		return this.store.handled(viewer.userId(), Integer.MAX_VALUE);
	}

	/** 404 unless the recommendation is the viewer's own. */
	@Transactional(readOnly = true)
	public RecommendationView requireOwn(Viewer viewer, long id) {
		return this.store.find(viewer.userId(), id).orElseThrow(() -> new NotFoundException("Recommendation", id));
	}

	/**
	 * Accepts it; a recommendation with an outcome now looks for it within its window
	 * from today.
	 */
	@Transactional
	public RecommendationView accept(Viewer viewer, long id) {
		var recommendation = requireOwn(viewer, id);
		var due = recommendation.partnerId() != null && recommendation.kind().outcomeDays() > 0
				? this.calendar.today().plusDays(recommendation.kind().outcomeDays()) : null;
		act(viewer, recommendation, "ACCEPTED", null, null, due);
		return requireOwn(viewer, id);
	}

	/** Dismisses it with the reason; it is never raised for the viewer again. */
	@Transactional
	public RecommendationView dismiss(Viewer viewer, long id, String reason) {
		var recommendation = requireOwn(viewer, id);
		var text = FreeText.required("reason", reason, 500, "must say why it does not help");
		act(viewer, recommendation, "DISMISSED", text, null, null);
		return requireOwn(viewer, id);
	}

	/** Hides it until a later day, at most {@value #MAX_SNOOZE_DAYS} days ahead. */
	@Transactional
	public RecommendationView snooze(Viewer viewer, long id, LocalDate until) {
		var recommendation = requireOwn(viewer, id);
		var today = this.calendar.today();
		if (until == null) {
			throw InvalidInputException.of("until", "must be the day to show it again");
		}
		if (!until.isAfter(today) || until.isAfter(today.plusDays(MAX_SNOOZE_DAYS))) {
			throw InvalidInputException.of("until", "must be after today and at most " + MAX_SNOOZE_DAYS
					+ " days ahead (" + today.plusDays(MAX_SNOOZE_DAYS) + ")");
		}
		act(viewer, recommendation, "SNOOZED", null, until, null);
		return requireOwn(viewer, id);
	}

	private void act(Viewer viewer, RecommendationView recommendation, String state, String reason, LocalDate until,
			LocalDate due) {
		if (!this.store.act(viewer.userId(), recommendation.id(), state, reason, until, this.clock.instant(), due)) {
			// read again: the state read before the act may be the one another request
			// changed meanwhile (try02: "already open" to the losers of four accepts)
			var now = requireOwn(viewer, recommendation.id()).state();
			throw new ConflictException("state",
					"This recommendation was already " + now.toLowerCase(java.util.Locale.ROOT));
		}
	}

	/**
	 * How useful each kind is, program-wide, as of the last daily run (see
	 * {@link #usefulnessAsOf}); for admins, executives and PAMs.
	 */
	@Transactional(readOnly = true)
	public List<UsefulnessLine> usefulness(Viewer viewer) {
		if (!viewer.is(Role.ADMIN, Role.EXECUTIVE, Role.PAM)) {
			throw new AccessDeniedException("Usefulness is for admins, executives and PAMs");
		}
		var counts = this.store.counts();
		var lines = new ArrayList<UsefulnessLine>();
		for (var kind : Kind.values()) {
			var v = Usefulness.judge(kind, counts.getOrDefault(kind, new Usefulness.Counts(0, 0, 0, 0, 0, 0, 0)));
			var c = v.counts();
			lines.add(new UsefulnessLine(kind, kind.label(), kind.outcomeDays(), c.shown(), c.accepted(), c.weighed(),
					v.acceptance(), c.acceptedDecided(), c.acceptedMet(), v.acceptedRate(), c.idleDecided(),
					c.idleMet(), v.idleRate(), v.lift(), v.rankedDown(), v.reason()));
		}
		return lines;
	}

	/** The day the usefulness counts were summed, or null before the first daily run. */
	@Transactional(readOnly = true)
	public LocalDate usefulnessAsOf() {
		return this.store.summaryAsOf();
	}

	/** Sums the usefulness counts now, as the daily run does. */
	void summarise(LocalDate today) {
		this.store.summarise(today);
	}

	private Set<Kind> rankedDown() {
		Map<Kind, Usefulness.Counts> counts = this.store.counts();
		return counts.entrySet()
			.stream()
			.filter(e -> Usefulness.judge(e.getKey(), e.getValue()).rankedDown())
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

}
