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

	PartnerIntelligence(IntelligenceStore store, OutcomeRecords outcomes, Partners partners,
			ApplicationEventPublisher events, BusinessCalendar calendar, Clock clock, ReadingsLoader loader,
			PageFigureStore figures) {
		this.figures = figures;
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

	/** The drifting partners of the viewer's scope, stalling first, then by slope. */
	@Transactional(readOnly = true)
	public List<DriftLine> drifting(Viewer viewer) {
		var alerts = this.store.currentAlerts(scope(viewer));
		var names = this.partners.names(viewer, alerts.stream().map(IntelligenceStore.Alert::partnerId).toList());
		return alerts.stream()
			.map(a -> new DriftLine(a.partnerId(), names.get(a.partnerId()), a.pillar(), a.state(), a.slope(),
					a.weekStart(), a.reason(), a.signals(), a.raisedAt()))
			.sorted(Comparator.comparing(DriftLine::state)
				.reversed()
				.thenComparing(l -> l.slope().abs(), Comparator.reverseOrder()))
			.toList();
	}

	/** The high-potential partners of the viewer's scope, best behaviour first. */
	@Transactional(readOnly = true)
	public List<HighPotentialLine> highPotential(Viewer viewer) {
		return inScope(viewer, programHighPotential());
	}

	/**
	 * The high-potential list as the daily job stored it for the whole program
	 * ({@link #storeHighPotential}), narrowed to the viewer's scope and named, with the
	 * time it was computed; computed per request (as {@link #highPotential}) when nothing
	 * is stored.
	 */
	@Transactional(readOnly = true)
	public AsStored<List<HighPotentialLine>> highPotentialAsStored(Viewer viewer) {
		var stored = this.figures.<List<HighPotentialLine>>read(HIGH_POTENTIAL, PageFigureStore.PROGRAM,
				this.figures.types().constructCollectionType(List.class, HighPotentialLine.class));
		return stored.map(s -> new AsStored<>(inScope(viewer, s.value()), s.asOf()))
			.orElseGet(() -> new AsStored<>(highPotential(viewer), null));
	}

	/**
	 * The daily job's part: the program's high-potential list, stored with its time
	 * unless another instance holds the run or stored it today (business day). True when
	 * this call stored it.
	 */
	boolean storeHighPotential() {
		return this.figures.storeDaily(HIGH_POTENTIAL, () -> Map.of(PageFigureStore.PROGRAM, programHighPotential()));
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
			.sorted(Comparator.comparing(HighPotentialLine::behaviour).reversed())
			.toList();
	}

	/**
	 * The program's lines of the viewer's scope (a PAM's book; every line for admins and
	 * executives) with the partners' names; the order is kept.
	 */
	private List<HighPotentialLine> inScope(Viewer viewer, List<HighPotentialLine> program) {
		var scope = scope(viewer);
		var lines = program.stream().filter(l -> scope == null || scope.contains(l.partnerId())).toList();
		var names = this.partners.names(viewer, lines.stream().map(HighPotentialLine::partnerId).toList());
		return lines.stream()
			.map(l -> new HighPotentialLine(l.partnerId(), names.get(l.partnerId()), l.readiness(), l.behaviour(),
					l.trust(), l.pipeline180Days(), l.reason(), l.evidence()))
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

	private List<Long> scope(Viewer viewer) {
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
