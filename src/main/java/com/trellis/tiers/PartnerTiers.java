package com.trellis.tiers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.partners.Tier;
import com.trellis.scoring.WeeklyScores;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.validation.Commands;
import com.trellis.shared.StoredFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tiers module's facade: thresholds, a partner's tier card and history (the partner
 * itself and vendor staff), the program's changes, overrides and trend (admins and
 * executives; a PAM its book's changes), and the tier a partner had on a day.
 */
@Service
public class PartnerTiers {

	private final TierStore store;

	private final TierOverrideStore overrideStore;

	private final TierMoves moves;

	private final TierEvaluation evaluation;

	private final TierTrends trends;

	private final Partners partners;

	private final WeeklyScores scores;

	private final AuditLog audit;

	private final Commands commands;

	private final BusinessCalendar calendar;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final OverrideEnds ends;

	PartnerTiers(TierStore store, TierOverrideStore overrideStore, TierMoves moves, TierEvaluation evaluation,
			TierTrends trends, Partners partners, WeeklyScores scores, AuditLog audit, Commands commands,
			BusinessCalendar calendar, Clock clock, JdbcClient jdbc, OverrideEnds ends) {
		this.ends = ends;
		this.store = store;
		this.overrideStore = overrideStore;
		this.moves = moves;
		this.evaluation = evaluation;
		this.trends = trends;
		this.partners = partners;
		this.scores = scores;
		this.audit = audit;
		this.commands = commands;
		this.calendar = calendar;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * A SQL expression for the tier (text, like {@code TIER_2_EMERGING}) a partner had on
	 * a day, from the tier history; NULL when the partner's tier never changed here (use
	 * its current tier then).
	 * @param partnerId SQL for the partner's id
	 * @param day SQL for the day (a DATE)
	 */
	public static String tierOnSql(String partnerId, String day) {
		return "partner_tier_on(" + partnerId + ", " + day + ")";
	}

	/** The tier a partner had on a day; its current tier when it never changed here. */
	@Transactional(readOnly = true)
	public Tier tierOn(long partnerId, LocalDate day, Tier current) {
		var tier = this.jdbc.sql("SELECT " + tierOnSql(":partner", ":day"))
			.param("partner", partnerId)
			.param("day", java.sql.Date.valueOf(day))
			.query(String.class)
			.optional();
		return tier.map(Tier::valueOf).orElse(current);
	}

	/** Runs the weekly evaluation (the job, and tests); returns evaluations written. */
	public int evaluate() {
		return this.evaluation.run();
	}

	@Transactional(readOnly = true)
	public TierThresholds thresholds(Viewer viewer) {
		return this.store.thresholds();
	}

	/** The thresholds' version: the API's ETag, the page form's {@code version}. */
	public long thresholdsVersion() {
		return this.store.thresholdsVersion();
	}

	/**
	 * New thresholds (program admins): validated, audited, used from the next evaluation.
	 * {@code seen} is the version the admin read (null: unchecked); an older one is
	 * refused as a conflict on {@code version}, and nothing changes.
	 */
	@Transactional
	public TierThresholds setThresholds(Viewer viewer, ThresholdsCommand command, Long seen) {
		requireAdmin(viewer);
		var thresholds = command.validated();
		var before = this.store.thresholds();
		this.store.saveThresholds(thresholds, seen, viewer.userId(), this.clock.instant());
		this.audit.record(viewer.actor(), "tier-policy", 1, "thresholds changed", before, thresholds);
		return thresholds;
	}

	/**
	 * A partner's tier, latest scores and what the next tier needs; 404 for another's.
	 */
	@Transactional(readOnly = true)
	public TierCard card(Viewer viewer, long partnerId) {
		var partner = this.partners.get(viewer, partnerId);
		var latest = this.scores.latest(partnerId);
		var values = latest == null ? new BigDecimal[3]
				: new BigDecimal[] { latest.readiness(), latest.behaviour(), latest.trust() };
		var override = this.overrideStore.openOverride(partnerId);
		var gap = NextTierGap.of(partner.tier(), values, this.store.thresholds(), this.store.sinceLastChange(partnerId),
				override == null ? null : override.expiresOn(), viewer.isPartnerUser());
		return new TierCard(partnerId, partner.name(), partner.tier(), partner.tier().label(),
				this.store.lastChange(partnerId), override == null ? null : override.expiresOn(),
				latest == null ? null : latest.fiscalWeek(), values[0], values[1], values[2], gap);
	}

	/**
	 * A partner's tier history, newest first; 404 for another partner's. A partner user
	 * reads "set by the program" for an override, not the admin's reason or name.
	 */
	@Transactional(readOnly = true)
	public List<TierChange> history(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		var history = this.store.history(partnerId).stream().map(c -> c.worded(reader())).toList();
		if (!viewer.isPartnerUser()) {
			return history;
		}
		return history.stream().map(TierChange::programWorded).toList();
	}

	/**
	 * Tier changes, newest first: every partner's (admins, executives) or a PAM's book.
	 */
	@Transactional(readOnly = true)
	public PageResult<TierChange> changes(Viewer viewer, PageRequest page) {
		List<Long> scope;
		if (viewer.is(Role.ADMIN, Role.EXECUTIVE)) {
			scope = null;
		}
		else if (viewer.is(Role.PAM)) {
			scope = this.partners.book(viewer.userId());
		}
		else {
			throw new AccessDeniedException("The tier changes list is for PAMs, admins and executives");
		}
		var items = this.store.recent(scope, page.size() + 1, page.offset())
			.stream()
			.map(c -> c.worded(reader()))
			.toList();
		// one row read ahead says whether more follow: then the total is a lower bound
		// (this page and one more row), not the count; a page past the end counts them
		boolean more = items.size() > page.size();
		long total = items.isEmpty() && page.offset() > 0 ? this.store.count(scope) : page.offset() + items.size();
		return new PageResult<>(items.subList(0, Math.min(items.size(), page.size())), page.page(), page.size(), total,
				!more);
	}

	/** Overrides, newest first (admins and executives). */
	@Transactional(readOnly = true)
	public List<TierOverride> overrides(Viewer viewer, boolean openOnly) {
		requireProgramView(viewer);
		return this.overrideStore.overrides(openOnly, 200);
	}

	/** The tier distribution and movements per evaluated week (admins, executives). */
	@Transactional(readOnly = true)
	public TierTrend trend(Viewer viewer) {
		requireProgramView(viewer);
		return this.trends.trend();
	}

	/**
	 * The checks of an override that need no partner and change nothing: its fields, and
	 * an expiry after today.
	 * @throws InvalidInputException naming every bad field
	 */
	/** The longest an override may hold a tier. */
	static final java.time.Period LONGEST_OVERRIDE = java.time.Period.ofYears(2);

	void checkOverride(OverrideCommand command) {
		var errors = new java.util.ArrayList<>(this.commands.errors(command));
		var today = this.calendar.today();
		if (command.expiresOn() != null && errors.stream().noneMatch(e -> e.field().equals("expiresOn"))) {
			if (!command.expiresOn().isAfter(today)) {
				errors.add(new InvalidInputException.FieldError("expiresOn", "must be after today (" + today + ")"));
			}
			else if (command.expiresOn().isAfter(today.plus(LONGEST_OVERRIDE))) {
				// an override is a hold for a while (try71b: one until 2100 was taken)
				errors.add(new InvalidInputException.FieldError("expiresOn",
						"must be at most two years ahead (" + today.plus(LONGEST_OVERRIDE)
								+ "): an override holds a tier for a while; the thresholds decide for good"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * Sets a partner's tier until a day (program admins), replacing an override in force;
	 * from that day the tier follows the scores again.
	 */
	@Transactional
	public TierOverride override(Viewer viewer, long partnerId, OverrideCommand command) {
		requireAdmin(viewer);
		var partner = this.partners.get(viewer, partnerId);
		checkOverride(command);
		var today = this.calendar.today();
		var reason = command.reason().strip();
		var open = this.overrideStore.openOverride(partnerId);
		if (open != null) {
			this.overrideStore.endOverride(open.id(), "replaced by " + viewer.name(), this.clock.instant());
		}
		long id;
		try {
			id = this.overrideStore.insertOverride(partnerId, command.tier(), reason, today, command.expiresOn(),
					viewer.userId(), this.clock.instant());
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// two overrides set at once: the second is told why, by field (try71b)
			throw new ConflictException("tier",
					"another override of this partner was set meanwhile; reload the tier page to see it");
		}
		var created = this.overrideStore.override(id);
		this.audit.record(viewer.actor(), "tier-override", id, "override " + command.tier().name(), open, created);
		var why = "override until " + command.expiresOn()
				+ (open != null && open.tier() == command.tier() ? " (was until " + open.expiresOn() + ")" : "") + ": "
				+ StoredFigures.text(reason);
		if (partner.tier() != command.tier()) {
			this.moves.move(partnerId, partner.tier(), command.tier(), today, "OVERRIDE", null, why, viewer.actor(),
					"The program set your tier until " + command.expiresOn() + ".");
		}
		else {
			this.moves.keep(partnerId, partner.tier(), today, "OVERRIDE", why, viewer.actor(),
					"The program keeps your tier at " + partner.tier().label() + " until " + command.expiresOn() + ".");
		}
		return created;
	}

	/** The checks of an override's end that change nothing: its reason. */
	void checkEnd(EndOverrideCommand command) {
		var errors = this.commands.errors(command);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * Ends a partner's override before its expiry (program admins), with a reason: the
	 * tier then is what the rules decide, as when an override expires
	 * ({@link OverrideEnds}).
	 * @throws ConflictException naming {@code override} when none is in force
	 */
	@Transactional
	public TierOverride endOverride(Viewer viewer, long partnerId, EndOverrideCommand command) {
		requireAdmin(viewer);
		var partner = this.partners.get(viewer, partnerId);
		var open = this.overrideStore.openOverride(partnerId);
		ConflictException.afterInput(() -> checkEnd(command), open != null ? null
				: new ConflictException("override", partner.name() + " has no override in force to end"));
		var reason = command.reason().strip();
		this.ends.end(open, partner.tier(), this.store.thresholds().weeksHeld(), this.calendar.today(),
				"ended by " + viewer.name() + ": " + reason,
				"override until " + open.expiresOn() + " ended early: " + StoredFigures.text(reason), viewer.actor(),
				"The program ended the override of your tier.");
		var ended = this.overrideStore.override(open.id());
		this.audit.record(viewer.actor(), "tier-override", open.id(), "override ended: " + reason, open, ended);
		return ended;
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin sets tiers");
		}
	}

	private static void requireProgramView(Viewer viewer) {
		if (!viewer.is(Role.ADMIN, Role.EXECUTIVE)) {
			throw new AccessDeniedException("The program's tiers are for admins and executives");
		}
	}

	/**
	 * The reader's locale (their profile's, else the program's): the notation of a tier
	 * change's reason.
	 */
	private java.util.Locale reader() {
		return com.trellis.shared.Reading.locale(this.calendar.locale());
	}

}
