package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.StoredFigures;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scoring module's facade: computes every partner's readiness, behaviour and trust as
 * of a day by the default rubric, keeps one row per partner and fiscal week, and shows a
 * partner's scorecard (to vendor staff and to the partner itself) and a PAM's book.
 */
@Service
public class PartnerScores {

	/**
	 * Weeks of history the first run fills in from the records, each as of its last day,
	 * unless {@code trellis.scoring.history-weeks} says otherwise.
	 */
	static final int HISTORY_WEEKS = 12;

	private static final Logger log = LoggerFactory.getLogger(PartnerScores.class);

	private final ReadingsLoader loader;

	private final LearnedWeights learned;

	private final PartnerIntelligence intelligence;

	private final ScoreStore store;

	private final Partners partners;

	private final BusinessCalendar calendar;

	private final Clock clock;

	private final TransactionTemplate transaction;

	/**
	 * Weeks the first run back-fills: {@value #HISTORY_WEEKS}, or
	 * {@code trellis.scoring.history-weeks} (0 scores only the current week: a benchmark
	 * on a large copy where each week takes minutes; 0 to 52).
	 */
	private final int historyWeeks;

	PartnerScores(ReadingsLoader loader, LearnedWeights learned, PartnerIntelligence intelligence, ScoreStore store,
			Partners partners, BusinessCalendar calendar, Clock clock, PlatformTransactionManager transactions,
			@Value("${trellis.scoring.history-weeks:" + HISTORY_WEEKS + "}") int historyWeeks) {
		if (historyWeeks < 0 || historyWeeks > 52) {
			throw new IllegalArgumentException(
					"trellis.scoring.history-weeks must be between 0 and 52, was " + historyWeeks);
		}
		this.historyWeeks = historyWeeks;
		this.loader = loader;
		this.learned = learned;
		this.intelligence = intelligence;
		this.store = store;
		this.partners = partners;
		this.calendar = calendar;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The daily run: scores every partner as of today into this fiscal week's rows and,
	 * the first time, the {@link #historyWeeks} weeks before. Runs once per day across
	 * instances: an advisory lock held for each transaction and the day's
	 * {@code scoring_run} row, written with today's week (a crash leaves nothing
	 * half-done and the next run does the day). The first run's back-fill commits one
	 * week per transaction, under the same lock, skipping weeks already stored: a crash
	 * between weeks resumes where it stopped, and two instances never score a week twice.
	 * Returns whether this call ran the day.
	 */
	public boolean runDaily() {
		var session = this.learned.session();
		var today = this.calendar.today();
		var weekStart = weekStart(today);
		int weeks = 1;
		var history = historyDays(weekStart);
		if (Boolean.TRUE.equals(this.transaction.execute(
				status -> this.store.lockRun() && !this.store.ranOn(today) && backfillPending(weekStart, history)))) {
			for (var asOf : history) {
				weeks++;
				var done = this.transaction.execute(status -> {
					if (!this.store.lockRun() || this.store.ranOn(today)) {
						return false;
					}
					if (!this.store.backfilled(weekStart(asOf))) {
						int scored = recordWeek(session, asOf);
						this.store.recordBackfill(weekStart(asOf), scored, this.clock.instant());
					}
					return true;
				});
				if (!Boolean.TRUE.equals(done)) {
					return false;
				}
			}
		}
		int backfilled = weeks;
		var ran = this.transaction.execute(status -> {
			if (!this.store.lockRun() || this.store.ranOn(today) || backfillPending(weekStart, history)) {
				return false;
			}
			var started = this.clock.instant();
			int partners = recordWeek(session, today);
			int alerts = this.intelligence.raiseDrift();
			this.store.recordRun(today, partners, backfilled, started, this.clock.instant());
			log.info("Scored {} partners as of {} ({} weeks), {} drift alerts", partners, today, backfilled, alerts);
			return true;
		});
		return Boolean.TRUE.equals(ran);
	}

	/**
	 * The last days of the {@link #historyWeeks} weeks before the week starting then.
	 */
	private List<LocalDate> historyDays(LocalDate weekStart) {
		var days = new ArrayList<LocalDate>();
		var day = weekStart.minusDays(1);
		for (int week = 1; week <= this.historyWeeks; week++) {
			days.add(day);
			day = weekStart(day).minusDays(1);
		}
		return days;
	}

	/**
	 * Whether the first run's back-fill still has weeks to store: no run has finished yet
	 * (or no week before this one is stored) and one of the history weeks is missing.
	 * Read under the run's lock.
	 */
	private boolean backfillPending(LocalDate weekStart, List<LocalDate> history) {
		if (this.store.anyRun() && this.store.hasWeekBefore(weekStart)) {
			return false;
		}
		return history.stream().anyMatch(day -> !this.store.backfilled(weekStart(day)));
	}

	/** Scores every partner as of a day into that day's fiscal week; returns how many. */
	int recordWeek(LocalDate day) {
		return recordWeek(this.learned.session(), day);
	}

	private int recordWeek(LearnedWeights.Session session, LocalDate day) {
		long started = System.nanoTime();
		var scores = scoreAsOf(session, day);
		long scored = System.nanoTime();
		this.store.replaceWeek(weekStart(day), fiscalWeek(day), day, scores, this.clock.instant());
		log.info("Scored {} partners as of {} in {} ms (read, trained and scored) and stored them in {} ms",
				scores.size(), day, (scored - started) / 1_000_000, (System.nanoTime() - scored) / 1_000_000);
		return scores.size();
	}

	/**
	 * Every partner's scores as of the end of a business day: by the weights learned from
	 * the outcomes known by then where there is enough history, else by the default
	 * rubric with the reason.
	 */
	Map<Long, List<Score>> scoreAsOf(LearnedWeights.Session session, LocalDate day) {
		long started = System.nanoTime();
		var partners = session.prepare(day);
		log.info("Read the records as of {} and the training cut-offs it needs in {} ms", day,
				(System.nanoTime() - started) / 1_000_000);
		var rubric = this.loader.rubric();
		var fits = new EnumMap<Pillar, LearnedWeights.Fit>(Pillar.class);
		var features = new EnumMap<Pillar, Map<Long, double[]>>(Pillar.class);
		for (var pillar : Pillar.values()) {
			var fit = session.fit(rubric.of(pillar), day);
			fits.put(pillar, fit);
			if (fit.model() != null) {
				features.put(pillar, Features.of(partners, fit.entries()));
			}
		}
		var result = new HashMap<Long, List<Score>>();
		partners.forEach((id, partner) -> {
			var scores = new ArrayList<Score>();
			for (var pillar : Pillar.values()) {
				scores.add(score(pillar, fits.get(pillar), features.get(pillar), partner, day));
			}
			result.put(id, scores);
		});
		return result;
	}

	private static Score score(Pillar pillar, LearnedWeights.Fit fit, Map<Long, double[]> features,
			PartnerReadings partner, LocalDate day) {
		if (fit.model() != null) {
			var learned = LearnedScoreRule.score(pillar, fit.entries(), fit.model(), features.get(partner.partnerId()),
					partner.readings(), partner.onboardedOn(), day, fit.reason());
			if (learned != null) {
				return learned;
			}
		}
		var why = fit.model() == null ? fit.reason()
				: "the learned weights give every partner the same score; " + fit.reason();
		return ScoreRule.score(pillar, fit.entries(), partner.readings(), partner.onboardedOn(), day)
			.withBasis(Score.Basis.rubric(why));
	}

	/**
	 * A partner's scorecard: the latest scored week with each signal's explanation and
	 * its move since the week before, and the weekly history. A partner user sees only
	 * its own partner's (another's is 404); vendor staff see any partner's.
	 */
	@Transactional(readOnly = true)
	public PartnerScorecard scorecard(Viewer viewer, long partnerId) {
		var partner = this.partners.get(viewer, partnerId);
		var latest = this.store.latestWeek(partnerId, this.calendar.today());
		if (latest == null) {
			return new PartnerScorecard(partnerId, partner.name(), false, null, null, List.of(), List.of());
		}
		var week = this.store.week(partnerId, latest);
		var previousStart = this.store.latestWeek(partnerId, latest.minusDays(1));
		var previous = previousStart == null ? null : this.store.week(partnerId, previousStart);
		var pillars = new ArrayList<PillarView>();
		var reader = com.trellis.shared.Reading.locale(this.calendar.locale());
		for (var pillar : Pillar.values()) {
			var score = week.scores().get(pillar);
			var before = previous == null ? null : previous.scores().get(pillar);
			var scoreChange = change(score == null ? null : score.value(), before == null ? null : before.value());
			var signals = new ArrayList<SignalView>();
			for (var entry : this.loader.rubric().of(pillar)) {
				var signal = entry.signal();
				var now = week.signals().get(signal.key());
				var then = previous == null ? null : previous.signals().get(signal.key());
				var move = PointsMove.of(scoreChange != null, now == null ? null : now.points(),
						then == null ? null : then.points());
				signals
					.add(new SignalView(signal.key(), signal.name(), StoredFigures.render(signal.definition(), reader),
							signal.source(), signal.window(), signal.unit(), entry.weight(),
							entry.ramp().describe(signal.unit()), now == null ? null : now.value(),
							now == null ? "not computed" : StoredFigures.render(now.reason(), reader),
							now == null ? null : now.points(),
							change(now == null ? null : now.value(), then == null ? null : then.value()), move.change(),
							StoredFigures.render(move.note(), reader),
							now == null ? null : StoredFigures.render(now.note(), reader)));
			}
			var baseNow = score == null ? null : score.points();
			var baseThen = before == null ? null : before.points();
			var baseMove = baseNow == null && baseThen == null ? new PointsMove(null, null)
					: PointsMove.of(scoreChange != null, baseNow, baseThen);
			pillars.add(new PillarView(pillar, score == null ? null : score.value(),
					score == null ? "not computed" : StoredFigures.render(score.reason(), reader), scoreChange, signals,
					score == null ? null : score.basis(),
					score == null ? null : StoredFigures.render(score.note(), reader),
					score == null ? null : score.points(), baseMove.change(),
					StoredFigures.render(baseMove.note(), reader)));
		}
		return new PartnerScorecard(partnerId, partner.name(), true, week.asOf(), week.fiscalWeek(), pillars,
				this.store.history(partnerId));
	}

	/**
	 * The latest scores of the partners a viewer may compare: a PAM's book, every partner
	 * for admins and executives. Partner users (and the field) are refused: a partner
	 * sees only its own scorecard, never a ranking.
	 * @param sort {@code readiness}, {@code behaviour}, {@code trust} (highest first) or
	 * anything else for partner id
	 */
	@Transactional(readOnly = true)
	public PageResult<ScoreLine> list(Viewer viewer, String sort, PageRequest page) {
		List<Long> scope;
		if (viewer.is(Role.ADMIN, Role.EXECUTIVE)) {
			scope = null;
		}
		else if (viewer.is(Role.PAM)) {
			scope = this.partners.book(viewer.userId());
		}
		else {
			throw new AccessDeniedException("Score lists are for PAMs, admins and executives");
		}
		var lines = this.store.current(scope, sort == null ? "" : sort, page, weekStart(this.calendar.today()));
		var names = this.partners.names(viewer, lines.lines().stream().map(ScoreLine::partnerId).toList());
		var locale = com.trellis.shared.Reading.locale(this.calendar.locale());
		var named = lines.lines()
			.stream()
			.map(l -> l.named(names.get(l.partnerId()),
					reason -> com.trellis.shared.StoredFigures.render(reason, locale)))
			.toList();
		return new PageResult<>(named, page.page(), page.size(), lines.total());
	}

	private static BigDecimal change(BigDecimal now, BigDecimal then) {
		return now == null || then == null ? null : now.subtract(then);
	}

	/** The first day of the fiscal week a day falls in. */
	LocalDate weekStart(LocalDate day) {
		var quarter = this.calendar.quarterOf(day);
		return quarter.weekStart(quarter.weekOf(day));
	}

	/** The fiscal week's label, like "2026-Q4 W05". */
	String fiscalWeek(LocalDate day) {
		var quarter = this.calendar.quarterOf(day);
		return "%s W%02d".formatted(quarter.label(), quarter.weekOf(day));
	}

}
