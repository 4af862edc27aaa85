package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
	 * Weeks of history the first run fills in from the records, each as of its last day.
	 */
	static final int HISTORY_WEEKS = 12;

	private static final Logger log = LoggerFactory.getLogger(PartnerScores.class);

	private final ScoringRecords records;

	private final ScoreStore store;

	private final Partners partners;

	private final BusinessCalendar calendar;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final Rubric rubric;

	PartnerScores(ScoringRecords records, ScoreStore store, Partners partners, BusinessCalendar calendar, Clock clock,
			PlatformTransactionManager transactions, SelfAssessment.Source assessments) {
		this.rubric = Rubric.standard(assessments);
		this.records = records;
		this.store = store;
		this.partners = partners;
		this.calendar = calendar;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The daily run: scores every partner as of today into this fiscal week's rows and,
	 * the first time, the {@value #HISTORY_WEEKS} weeks before. Runs once per day across
	 * instances: an advisory lock held for the run's transaction and the day's
	 * {@code scoring_run} row, written in the same transaction (a crash leaves nothing
	 * half-done and the next run does the day). Returns whether this call ran it.
	 */
	public boolean runDaily() {
		var ran = this.transaction.execute(status -> {
			if (!this.store.lockRun()) {
				return false;
			}
			var today = this.calendar.today();
			if (this.store.ranOn(today)) {
				return false;
			}
			var started = this.clock.instant();
			int partners = recordWeek(today);
			int weeks = 1;
			var weekStart = weekStart(today);
			if (!this.store.hasWeekBefore(weekStart)) {
				var day = weekStart.minusDays(1);
				for (; weeks <= HISTORY_WEEKS; weeks++) {
					recordWeek(day);
					day = weekStart(day).minusDays(1);
				}
			}
			this.store.recordRun(today, partners, weeks, started, this.clock.instant());
			log.info("Scored {} partners as of {} ({} weeks)", partners, today, weeks);
			return true;
		});
		return Boolean.TRUE.equals(ran);
	}

	/** Scores every partner as of a day into that day's fiscal week; returns how many. */
	int recordWeek(LocalDate day) {
		var scores = scoreAsOf(null, day);
		this.store.replaceWeek(weekStart(day), fiscalWeek(day), day, scores, this.clock.instant());
		return scores.size();
	}

	/** The scores of one partner (or all, null) as of the end of a business day. */
	Map<Long, List<Score>> scoreAsOf(Long partnerId, LocalDate day) {
		var asOf = new AsOf(day, this.calendar.startOf(day.plusDays(1)));
		var result = new HashMap<Long, List<Score>>();
		this.records.load(partnerId, asOf, this.calendar.zone()).forEach((id, partner) -> {
			var readings = new HashMap<String, Reading>();
			for (var entry : this.rubric.entries()) {
				readings.put(entry.signal().key(), entry.signal().read(partner, asOf));
			}
			var scores = new ArrayList<Score>();
			for (var pillar : Pillar.values()) {
				scores.add(ScoreRule.score(pillar, this.rubric.of(pillar), readings, partner.onboardedOn(), day));
			}
			result.put(id, scores);
		});
		return result;
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
		for (var pillar : Pillar.values()) {
			var score = week.scores().get(pillar);
			var before = previous == null ? null : previous.scores().get(pillar);
			var scoreChange = change(score == null ? null : score.value(), before == null ? null : before.value());
			var signals = new ArrayList<SignalView>();
			for (var entry : this.rubric.of(pillar)) {
				var signal = entry.signal();
				var now = week.signals().get(signal.key());
				var then = previous == null ? null : previous.signals().get(signal.key());
				var move = PointsMove.of(scoreChange != null, now == null ? null : now.points(),
						then == null ? null : then.points());
				signals.add(new SignalView(signal.key(), signal.name(), signal.definition(), signal.source(),
						signal.window(), signal.unit(), entry.weight(), entry.ramp().describe(signal.unit()),
						now == null ? null : now.value(), now == null ? "not computed" : now.reason(),
						now == null ? null : now.points(),
						change(now == null ? null : now.value(), then == null ? null : then.value()), move.change(),
						move.note()));
			}
			pillars.add(new PillarView(pillar, score == null ? null : score.value(),
					score == null ? "not computed" : score.reason(), scoreChange, signals));
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
		var lines = this.store.current(scope, sort == null ? "" : sort, page);
		var names = this.partners.names(viewer, lines.lines().stream().map(ScoreLine::partnerId).toList());
		var named = lines.lines()
			.stream()
			.map(l -> new ScoreLine(l.partnerId(), names.get(l.partnerId()), l.fiscalWeek(), l.readiness(),
					l.readinessChange(), l.behaviour(), l.behaviourChange(), l.trust(), l.trustChange()))
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
