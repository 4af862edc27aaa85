package com.trellis.roi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Viewer;
import com.trellis.marketplace.Marketplace;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.validation.Commands;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ROI module's facade: a quarter's cost to serve against pipeline, revenue and lift
 * per partner, tier, cohort and scope with its trend, and marketplace velocity as a
 * leading indicator; the cost rates an admin sets (audited). Program spend is
 * {@link ProgramSpend}.
 */
@Service
public class Roi {

	/** Quarters in the trend, this one included. */
	static final int TREND_QUARTERS = 4;

	private final RoiRepository repository;

	private final BusinessCalendar calendar;

	private final Commands commands;

	private final AuditLog audit;

	private final Clock clock;

	private final VelocityRepository velocity;

	private final Marketplace marketplace;

	private final RoiPageRepository pageRepository;

	private final RoiFiguresKept kept;

	Roi(RoiRepository repository, RoiPageRepository pageRepository, RoiFiguresKept kept, VelocityRepository velocity,
			Marketplace marketplace, BusinessCalendar calendar, Commands commands, AuditLog audit, Clock clock) {
		this.kept = kept;
		this.repository = repository;
		this.pageRepository = pageRepository;
		this.marketplace = marketplace;
		this.velocity = velocity;
		this.calendar = calendar;
		this.commands = commands;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The quarter's report (the current one when no label is given) for the viewer's
	 * scope, or for one partner in it: each partner, the totals per tier (as of the
	 * quarter's last day) and per cohort (the members at the quarter's end), the trend,
	 * and the marketplace velocity of the partners that sold through a marketplace.
	 */
	@Transactional(readOnly = true)
	public RoiReport report(Viewer viewer, String quarterLabel, Long partnerId) {
		var scope = RoiScope.of(viewer, partnerId);
		var quarter = quarter(quarterLabel);
		var rows = rows(scope, quarter);
		if (partnerId != null && rows.isEmpty()) {
			throw new com.trellis.shared.NotFoundException("Partner", partnerId);
		}
		return report(viewer, scope, quarter, rows);
	}

	/**
	 * The ROI page's figures: the quarter's {@link #report} and, for vendor staff, its
	 * {@link #reinvest} list, both from one computation of the quarter's partner figures
	 * (the page computed them twice), with the requested page of the cohorts' totals
	 * ({@code cohorts}; every cohort when null).
	 */
	@Transactional(readOnly = true)
	public PageFigures page(Viewer viewer, String quarterLabel, PageRequest cohorts) {
		return page(viewer, quarterLabel, LISTED, REINVESTED, cohorts);
	}

	/** Partners the ROI page lists, highest cost first (the CSV has them all). */
	public static final int LISTED = 200;

	/** Partners the ROI page's reinvest list shows. */
	public static final int REINVESTED = 20;

	/**
	 * {@link #page(Viewer, String)} listing {@code listed} partners and
	 * {@code reinvested} to reinvest in: the report's partners are the first
	 * {@code listed} of {@link #report}'s by cost (highest first, ties by id) and the
	 * reinvest list the first {@code reinvested} of {@link #reinvest}'s; the totals per
	 * tier and cohort, the scope's total and the trend are {@link #report}'s. Only the
	 * listed partners' figures are decided (issue 15: the program's page decided every
	 * partner's, 40,000 rows per request).
	 */
	PageFigures page(Viewer viewer, String quarterLabel, int listed, int reinvested) {
		return page(viewer, quarterLabel, listed, reinvested, null);
	}

	/**
	 * {@link #page(Viewer, String, int, int)} with a page of the cohorts' totals (the
	 * report's cohorts are that page's; every cohort when {@code cohorts} is null).
	 */
	PageFigures page(Viewer viewer, String quarterLabel, int listed, int reinvested, PageRequest cohorts) {
		var scope = RoiScope.of(viewer, null);
		var quarter = quarter(quarterLabel);
		int shown = viewer.isPartnerUser() ? 0 : reinvested;
		var key = new RoiFiguresKept.Key(scope, quarter.label(), listed, shown, cohorts == null ? 0 : cohorts.offset(),
				cohorts == null ? RoiPageRepository.ALL_COHORTS : cohorts.size(), 0);
		var kept = this.kept.get(key, () -> compute(viewer, scope, quarter, listed, shown, cohorts));
		var figures = kept.figures();
		return new PageFigures(figures.report(), figures.reinvest(), figures.cohorts(), kept.asOf());
	}

	private PageFigures compute(Viewer viewer, RoiScope scope, FiscalQuarter quarter, int listed, int reinvested,
			PageRequest cohorts) {
		var window = new RoiPageRepository.Window(scope, quarter, this.calendar.start(quarter),
				this.calendar.end(quarter), lastDay(quarter), until(quarter));
		var figures = this.pageRepository.page(window, window.until(), lastDay(quarter), listed, reinvested,
				cohorts == null ? 0 : cohorts.offset(),
				cohorts == null ? RoiPageRepository.ALL_COHORTS : cohorts.size());
		var all = RoiReport.Total.sum("ALL", figures.tiers());
		var trend = trend(scope, quarter, RoiReport.Total.sum(quarter.label(), figures.tiers()));
		// the marketplace reads the same scope as the ROI (a partner user's partner, a
		// PAM's book, the program): every partner it shows is in the report's scope
		var velocity = this.marketplace.velocity(viewer, lastDay(quarter));
		var report = new RoiReport(quarter.label(), ReportingCurrency.CODE,
				figures.listed().stream().map(PartnerQuarter.Row::decide).toList(), figures.tiers(), figures.cohorts(),
				all, trend, velocity);
		List<Reinvestment> reinvest = viewer.isPartnerUser() ? List.of() : figures.reinvest().stream().map(c -> {
			var verdict = VelocityRule.of(c.momentum(), c.cost());
			return new Reinvestment(c.partnerId(), c.name(), c.tier(), c.momentum(), c.cost(), verdict.perThousand(),
					verdict.shift().name(), verdict.reason());
		}).sorted(REINVEST_ORDER).toList();
		var cohortPage = cohorts == null
				? new PageResult<>(figures.cohorts(), 0, Math.max(1, figures.cohorts().size()), figures.cohortCount())
				: new PageResult<>(figures.cohorts(), cohorts.page(), cohorts.size(), figures.cohortCount());
		return new PageFigures(report, reinvest, cohortPage, null);
	}

	/** How long the page's figures are kept between requests; zero when not kept. */
	public java.time.Duration figuresKept() {
		return this.kept.ttl();
	}

	/**
	 * The ROI page's report (its cohorts the requested page's), reinvest list (empty for
	 * a partner user) and page of the cohorts' totals, counted in full; {@code asOf} is
	 * when they were computed when they are kept between requests
	 * ({@link RoiFiguresKept}), null when computed for this request.
	 */
	public record PageFigures(RoiReport report, List<Reinvestment> reinvest, PageResult<RoiReport.Total> cohorts,
			Instant asOf) {
	}

	private RoiReport report(Viewer viewer, RoiScope scope, FiscalQuarter quarter, List<PartnerQuarter.Row> rows) {
		var byTier = new TreeMap<String, List<PartnerQuarter.Row>>();
		rows.forEach(row -> byTier.computeIfAbsent(row.tier(), t -> new ArrayList<>()).add(row));
		var tiers = byTier.entrySet().stream().map(e -> RoiReport.Total.of(e.getKey(), e.getValue())).toList();
		var trend = trend(scope, quarter, RoiReport.Total.of(quarter.label(), rows));
		var inScope = rows.stream().map(PartnerQuarter.Row::partnerId).collect(Collectors.toSet());
		var velocity = this.marketplace.velocity(viewer, lastDay(quarter))
			.stream()
			.filter(v -> inScope.contains(v.partnerId()))
			.toList();
		return new RoiReport(quarter.label(), ReportingCurrency.CODE,
				rows.stream().map(PartnerQuarter.Row::decide).toList(), tiers, cohorts(scope, rows, quarter),
				RoiReport.Total.of("ALL", rows), trend, velocity);
	}

	/**
	 * The totals of each cohort with members in the rows at the quarter's end (now for
	 * the quarter in progress); a partner in several cohorts counts in each.
	 */
	private List<RoiReport.Total> cohorts(RoiScope scope, List<PartnerQuarter.Row> rows, FiscalQuarter quarter) {
		var byPartner = rows.stream().collect(Collectors.toMap(PartnerQuarter.Row::partnerId, row -> row));
		var byCohort = new LinkedHashMap<Long, List<PartnerQuarter.Row>>();
		var names = new HashMap<Long, String>();
		for (var member : this.repository.members(scope, until(quarter))) {
			var row = byPartner.get(member.partnerId());
			if (row != null) {
				names.put(member.cohortId(), member.cohort());
				byCohort.computeIfAbsent(member.cohortId(), c -> new ArrayList<>()).add(row);
			}
		}
		return byCohort.entrySet().stream().map(e -> RoiReport.Total.of(names.get(e.getKey()), e.getValue())).toList();
	}

	/** The quarter's last day, or today for the quarter in progress. */
	private LocalDate lastDay(FiscalQuarter quarter) {
		var today = this.calendar.today();
		return quarter.end().isAfter(today) ? today : quarter.end().minusDays(1);
	}

	/**
	 * AE pull-through in a quarter: the partners reps invited (co-sell requests, deal
	 * attachments), how often and by how many distinct reps, the 200 most widely invited
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<PullThrough> pullThrough(Viewer viewer, String quarterLabel) {
		var scope = RoiScope.of(viewer, null);
		var quarter = quarter(quarterLabel);
		return this.velocity.pullThrough(scope, quarter.start());
	}

	/**
	 * Reinvest by velocity: long-tail partners (outside tier 1) by behaviour momentum per
	 * 1,000 of cost to serve in the quarter, with what to shift ({@link VelocityRule}).
	 */
	@Transactional(readOnly = true)
	public List<Reinvestment> reinvest(Viewer viewer, String quarterLabel) {
		var scope = RoiScope.of(viewer, null);
		var quarter = quarter(quarterLabel);
		return reinvest(scope, quarter, rows(scope, quarter));
	}

	private List<Reinvestment> reinvest(RoiScope scope, FiscalQuarter quarter, List<PartnerQuarter.Row> rows) {
		var momentum = this.velocity.momentum(scope, lastDay(quarter));
		return rows.stream().filter(row -> !"TIER_1_INVEST".equals(row.tier())).map(row -> {
			var verdict = VelocityRule.of(momentum.get(row.partnerId()), row.cost().total());
			return new Reinvestment(row.partnerId(), row.name(), row.tier(), momentum.get(row.partnerId()),
					row.cost().total(), verdict.perThousand(), verdict.shift().name(), verdict.reason());
		}).sorted(REINVEST_ORDER).toList();
	}

	/**
	 * The reinvest order: shift, points per 1,000 highest first, momentum highest first,
	 * id.
	 */
	private static final java.util.Comparator<Reinvestment> REINVEST_ORDER = java.util.Comparator
		.comparing((Reinvestment r) -> VelocityRule.Shift.valueOf(r.shift()).ordinal())
		.thenComparing(Reinvestment::perThousand, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
		.thenComparing(Reinvestment::momentum, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
		.thenComparing(Reinvestment::partnerId);

	/**
	 * The quarter a label names, the current one without; a quarter that starts after now
	 * is refused naming "quarter": it has no figures yet.
	 */
	FiscalQuarter quarter(String label) {
		if (label == null || label.isBlank()) {
			return this.calendar.currentQuarter();
		}
		var quarter = this.calendar.quarter(label.trim());
		if (this.calendar.start(quarter).isAfter(this.clock.instant())) {
			throw InvalidInputException.of("quarter", quarter.label() + " has not started");
		}
		return quarter;
	}

	private List<PartnerQuarter.Row> rows(RoiScope scope, FiscalQuarter quarter) {
		return rows(scope, quarter, true);
	}

	private List<PartnerQuarter.Row> rows(RoiScope scope, FiscalQuarter quarter, boolean lift) {
		return this.repository.figures(scope, quarter, this.calendar.start(quarter), this.calendar.end(quarter),
				lastDay(quarter), until(quarter), lift);
	}

	/**
	 * The trend: the {@link #TREND_QUARTERS} quarters ending with {@code quarter}, whose
	 * total is {@code current}; the past quarters' totals read neither the tiers nor the
	 * lift, so they are summed in the database without them, all in one statement.
	 */
	private List<RoiReport.Total> trend(RoiScope scope, FiscalQuarter quarter, RoiReport.Total current) {
		var past = new ArrayList<RoiRepository.Period>();
		var q = quarter;
		for (int i = 1; i < TREND_QUARTERS; i++) {
			q = q.previous();
			past.add(0, new RoiRepository.Period(q.label(), q, this.calendar.start(q), this.calendar.end(q), lastDay(q),
					until(q)));
		}
		var trend = new ArrayList<>(this.repository.totals(scope, past));
		trend.add(current);
		return List.copyOf(trend);
	}

	/** The quarter's end, or now for the quarter in progress. */
	private Instant until(FiscalQuarter quarter) {
		var end = this.calendar.end(quarter);
		var now = this.clock.instant();
		return end.isAfter(now) ? now : end;
	}

	/** The cost rates; vendor staff who read ROI. */
	@Transactional(readOnly = true)
	public CostRates rates(Viewer viewer) {
		RoiScope.of(viewer, null);
		return this.repository.rates();
	}

	/** The cost rates' version: the API's ETag, the page form's {@code version}. */
	public long ratesVersion() {
		return this.repository.ratesVersion();
	}

	/**
	 * A program admin sets the cost rates; audited with the values before and after.
	 * {@code seen} is the version the admin read (null: unchecked); an older one is a
	 * conflict on {@code version}, and nothing changes.
	 */
	@Transactional
	public CostRates setRates(Viewer viewer, CostRates rates, Long seen) {
		ProgramSpend.requireAdmin(viewer);
		this.commands.check(rates);
		var before = this.repository.rates();
		this.repository.setRates(rates, seen, viewer.userId(), this.clock.instant());
		var after = this.repository.rates();
		this.audit.record(viewer.actor(), "roi-cost-rates", 1, "changed", before, after);
		return after;
	}

}
