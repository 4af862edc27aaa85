package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.notify.StaffNotice;
import com.trellis.notify.StaffNoticeKind;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.PageFigureStore;
import com.trellis.shared.StoredFigures;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Not yet" versus "not ever", and momentum: the high-potential list
 * ({@link HighPotential}) and the drift alerts ({@link ScoreDrift}) raised once per
 * change, for a PAM's book or, for admins and executives, the whole program.
 */
@Service
public class PartnerIntelligence {

	private final IntelligenceStore store;

	private final OutcomeRecords outcomes;

	private final Partners partners;

	private final ApplicationEventPublisher events;

	private final BusinessCalendar calendar;

	private final Clock clock;

	private final Rubric rubric;

	/** The stored figure set of the high-potential list (issue 15). */
	public static final String HIGH_POTENTIAL = "scoring.high-potential";

	private final PageFigureStore figures;

	private final IntelligencePages pages;

	PartnerIntelligence(IntelligenceStore store, OutcomeRecords outcomes, Partners partners,
			ApplicationEventPublisher events, BusinessCalendar calendar, Clock clock, ReadingsLoader loader,
			PageFigureStore figures, IntelligencePages pages) {
		this.figures = figures;
		this.pages = pages;
		this.rubric = loader.rubric();
		this.store = store;
		this.outcomes = outcomes;
		this.partners = partners;
		this.events = events;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Decides every partner's drift per score from the stored weeks and raises an alert
	 * (and {@link ScoreDrifted}) where it changed into building or stalling. Called by
	 * the daily run inside its once-a-day transaction; the alert's unique key makes a
	 * second call in the same week raise nothing. Returns the alerts raised.
	 * <p>
	 * The first run ever (no drift state stored yet) sets the baseline: its alerts are
	 * listed, but no PAM is sent a notice for them — they describe where every partner
	 * already stands, not a change, and on a program of 40,000 partners they were 22,222
	 * notices at once. Later runs notify each change into building or stalling.
	 */
	int raiseDrift() {
		var weeks = new ArrayList<>(this.store.latestWeeks(ScoreDrift.WEEKS));
		if (weeks.isEmpty()) {
			return 0;
		}
		weeks.sort(Comparator.naturalOrder());
		var latest = weeks.get(weeks.size() - 1);
		var scores = this.store.scores(weeks);
		var states = this.store.driftStates();
		boolean baseline = states.isEmpty();
		var changed = new ArrayList<Object[]>();
		var decisions = new ArrayList<Object[]>();
		scores.forEach((partner, byPillar) -> {
			for (var pillar : Pillar.values()) {
				var byWeek = byPillar.getOrDefault(pillar, Map.of());
				var decision = ScoreDrift.decide(weeks.stream().map(byWeek::get).toList());
				var before = states.getOrDefault(partner, Map.of()).get(pillar);
				decisions.add(new Object[] { partner, pillar, decision });
				var state = decision.state();
				if ((state == ScoreDrift.State.BUILDING || state == ScoreDrift.State.STALLING)
						&& !state.name().equals(before)) {
					changed.add(new Object[] { partner, pillar, decision });
				}
			}
		});
		this.store.saveDrifts(decisions, latest);
		if (changed.isEmpty()) {
			return 0;
		}
		var ids = changed.stream().map(c -> (Long) c[0]).distinct().toList();
		var now = this.store.points(ids, latest);
		var then = this.store.points(ids, weeks.get(0));
		int raised = 0;
		for (var c : changed) {
			long partner = (Long) c[0];
			var pillar = (Pillar) c[1];
			var decision = (ScoreDrift.Decision) c[2];
			var signals = behind(pillar, decision, now.getOrDefault(partner, Map.of()),
					then.getOrDefault(partner, Map.of()));
			var slope = BigDecimal.valueOf(decision.slope()).setScale(2, java.math.RoundingMode.HALF_UP);
			var alert = new IntelligenceStore.Alert(partner, pillar, decision.state().name(), slope, latest,
					decision.reason(), signals, this.clock.instant());
			if (this.store.raise(alert)) {
				this.events
					.publishEvent(new ScoreDrifted(partner, pillar, alert.state(), slope, alert.reason(), signals));
				if (!baseline) {
					tellPam(alert);
				}
				raised++;
			}
		}
		return raised;
	}

	/** The signals whose points moved most in the drift's direction over the weeks. */
	private String behind(Pillar pillar, ScoreDrift.Decision decision, Map<String, BigDecimal> now,
			Map<String, BigDecimal> then) {
		int sign = decision.state() == ScoreDrift.State.BUILDING ? 1 : -1;
		return this.rubric.of(pillar)
			.stream()
			.map(e -> Map.entry(e.signal().nameInText(),
					now.getOrDefault(e.signal().key(), BigDecimal.ZERO)
						.subtract(then.getOrDefault(e.signal().key(), BigDecimal.ZERO))))
			.filter(m -> m.getValue().signum() == sign)
			.sorted(Comparator.comparing((Map.Entry<String, BigDecimal> m) -> m.getValue().abs()).reversed())
			.limit(3)
			.map(m -> m.getKey() + " "
					+ (sign > 0 ? StoredFigures.signed(m.getValue()) : StoredFigures.number(m.getValue())) + " points")
			.collect(Collectors.joining(", "));
	}

	/**
	 * Every drifting partner of the viewer's scope (the guidance run, the CSV), named, in
	 * the book's order: stalling first, the steepest slope first, then partner and score
	 * ({@link IntelligencePages} pages the same list in SQL).
	 */
	@Transactional(readOnly = true)
	public List<DriftLine> drifting(Viewer viewer) {
		var alerts = this.store.currentAlerts(scope(viewer));
		var names = this.partners.names(viewer, alerts.stream().map(IntelligenceStore.Alert::partnerId).toList());
		return alerts.stream()
			.map(a -> new DriftLine(a.partnerId(), names.get(a.partnerId()), a.pillar(), a.state(), a.slope(),
					a.weekStart(), a.reason(), a.signals(), a.raisedAt()))
			.sorted(Comparator.comparing(DriftLine::state)
				.reversed()
				.thenComparing(l -> l.slope().abs(), Comparator.reverseOrder())
				.thenComparing(DriftLine::partnerId)
				.thenComparing(l -> l.pillar().name()))
			.toList();
	}

	/**
	 * The high-potential partners of the viewer's scope computed now, named, best
	 * behaviour first (then partner id).
	 */
	@Transactional(readOnly = true)
	public List<HighPotentialLine> highPotential(Viewer viewer) {
		var lines = highPotentialUnnamed(viewer);
		var names = this.partners.names(viewer, lines.stream().map(HighPotentialLine::partnerId).toList());
		return lines.stream().map(l -> l.named(names.get(l.partnerId()))).toList();
	}

	/**
	 * The program's high-potential lines computed now, narrowed to the viewer's scope.
	 */
	List<HighPotentialLine> highPotentialUnnamed(Viewer viewer) {
		var scope = scope(viewer);
		var inScope = scope == null ? null : new java.util.HashSet<>(scope);
		return programHighPotential().stream().filter(l -> inScope == null || inScope.contains(l.partnerId())).toList();
	}

	/**
	 * The daily job's part: the program's high-potential list stored as its lines (table
	 * {@code high_potential_line}, V282) and, as the figure set {@link #HIGH_POTENTIAL},
	 * its time and number of lines, unless another instance holds the run or stored it
	 * today (business day). True when this call stored it.
	 */
	boolean storeHighPotential() {
		return this.figures.storeDaily(HIGH_POTENTIAL, () -> {
			var lines = programHighPotential();
			this.pages.replacePotential(lines);
			return Map.of(PageFigureStore.PROGRAM, Map.of("lines", lines.size()));
		});
	}

	/** Every high-potential partner of the program, unnamed, best behaviour first. */
	private List<HighPotentialLine> programHighPotential() {
		var weeks = this.store.latestWeeks(1);
		if (weeks.isEmpty()) {
			return List.of();
		}
		var week = weeks.get(0);
		var scores = this.store.scores(weeks);
		var ranks = new Ranks(scores, week);
		var end = this.calendar.startOf(this.calendar.today().plusDays(1));
		var pipeline = this.outcomes.pipelineCreated(end.minus(java.time.Duration.ofDays(PipelineOutcome.DAYS)), end);
		var median = ranks.median(scores.keySet(), pipeline);
		var found = new ArrayList<Long>();
		var reasons = new java.util.HashMap<Long, String>();
		for (var partner : scores.keySet()) {
			var decision = HighPotential.decide(ranks.of(Pillar.READINESS, partner),
					ranks.of(Pillar.BEHAVIOUR, partner), pipeline.getOrDefault(partner, BigDecimal.ZERO), median);
			if (decision.highPotential()) {
				found.add(partner);
				reasons.put(partner, decision.reason());
			}
		}
		var points = this.store.points(found, week);
		return found.stream()
			.map(p -> new HighPotentialLine(p, null, ranks.score(Pillar.READINESS, p), ranks.score(Pillar.BEHAVIOUR, p),
					ranks.score(Pillar.TRUST, p), pipeline.getOrDefault(p, BigDecimal.ZERO), reasons.get(p),
					evidence(points.getOrDefault(p, Map.of()))))
			.sorted(Comparator.comparing(HighPotentialLine::behaviour)
				.reversed()
				.thenComparing(HighPotentialLine::partnerId))
			.toList();
	}

	/**
	 * Figures as a page shows them: stored by the daily job at {@code asOf}, or computed
	 * for the request ({@code asOf} null).
	 */
	public record AsStored<T>(T value, java.time.Instant asOf) {
	}

	private String evidence(Map<String, BigDecimal> points) {
		return this.rubric.entries()
			.stream()
			.filter(e -> e.signal().pillar() != Pillar.TRUST && points.containsKey(e.signal().key()))
			.sorted(Comparator.comparing((Rubric.Entry e) -> points.get(e.signal().key())).reversed())
			.limit(3)
			.map(e -> e.signal().nameInText() + " " + StoredFigures.number(points.get(e.signal().key())) + " points")
			.collect(Collectors.joining(", "));
	}

	/**
	 * The partners the viewer's lists cover: null (all) for admins and executives, a
	 * PAM's book; anyone else is refused (403) before any list is read.
	 */
	List<Long> scope(Viewer viewer) {
		if (viewer.is(Role.ADMIN, Role.EXECUTIVE)) {
			return null;
		}
		if (viewer.is(Role.PAM)) {
			return this.partners.book(viewer.userId());
		}
		throw new AccessDeniedException("Partner lists are for PAMs, admins and executives");
	}

	LocalDate today() {
		return this.calendar.today();
	}

	/** The partner's name as its PAM reads it in the inbox, not its number. */
	private String partnerName(long pam, long partnerId) {
		var viewer = new Viewer(pam, "", Role.PAM, null);
		var name = this.partners.names(viewer, List.of(partnerId)).get(partnerId);
		return name != null ? name : "Partner " + partnerId;
	}

	/**
	 * The alert reaches the partner's PAM once: its key is the alert's (partner, score,
	 * week).
	 */
	private void tellPam(IntelligenceStore.Alert alert) {
		this.partners.ownerPam(alert.partnerId())
			.ifPresent(pam -> this.events.publishEvent(new StaffNotice(
					"score-drift:"
							+ alert.partnerId() + ":" + alert.pillar() + ":" + alert.weekStart() + ":user:" + pam,
					pam, StaffNoticeKind.SCORE_DRIFT,
					StoredFigures.text(partnerName(pam, alert.partnerId())) + ": "
							+ alert.pillar().name().toLowerCase(java.util.Locale.ROOT) + " score "
							+ alert.state().toLowerCase(java.util.Locale.ROOT),
					alert.reason(), "/partners/" + alert.partnerId() + "/scorecard")));
	}

}
