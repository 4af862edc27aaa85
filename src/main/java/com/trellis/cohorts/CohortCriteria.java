package com.trellis.cohorts;

import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.SettingVersions;
import com.trellis.shared.validation.Commands;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journey's entry criteria (how a partner is placed in awareness, activation or
 * acceleration): the program's per stage, and a cohort's own where the admin set them.
 * Whoever sees cohorts reads them; only an admin changes them, audited.
 */
@Service
class CohortCriteria {

	private final Cohorts cohorts;

	private final CohortRepository stored;

	private final JourneyRepository journey;

	private final AuditLog audit;

	private final Commands commands;

	private final SettingVersions versions;

	CohortCriteria(Cohorts cohorts, CohortRepository stored, JourneyRepository journey, AuditLog audit,
			Commands commands, SettingVersions versions) {
		this.versions = versions;
		this.cohorts = cohorts;
		this.stored = stored;
		this.journey = journey;
		this.audit = audit;
		this.commands = commands;
	}

	/**
	 * The version of the program's criteria, or of a cohort's own
	 * ({@link SettingVersions}, one for all its stages): the API's ETag, the page forms'
	 * {@code version}.
	 */
	long version(Long cohortId) {
		return this.versions.version(setting(cohortId));
	}

	private static String setting(Long cohortId) {
		return cohortId == null ? "journey-criteria" : "journey-criteria:cohort:" + cohortId;
	}

	@Transactional(readOnly = true)
	List<JourneyCriteria> criteria(Viewer viewer) {
		Cohorts.book(viewer);
		return this.journey.criteria().stream().map(JourneyCriteria::of).toList();
	}

	/**
	 * The entry criteria a cohort's journey uses, stage by stage: its own where the admin
	 * set them, else the program's. Whoever may see the cohort's memberships.
	 */
	@Transactional(readOnly = true)
	List<CohortJourneyCriteria> cohortCriteria(Viewer viewer, long cohortId) {
		this.cohorts.memberships(viewer, cohortId);
		return cohortCriteria(cohortId);
	}

	private List<CohortJourneyCriteria> cohortCriteria(long cohortId) {
		var own = this.journey.cohortCriteria().getOrDefault(cohortId, List.of());
		return this.journey.criteria().stream().map(program -> {
			var c = own.stream().filter(o -> o.stage() == program.stage()).findFirst().orElse(program);
			return new CohortJourneyCriteria(cohortId, c.stage(), c.minEnablement180(), c.minDeals180(), c.minWins365(),
					c.minAeInvites365(), c != program);
		}).toList();
	}

	/**
	 * The admin sets a cohort's own entry criteria for a stage (its partners are placed
	 * by them from the next placement on); audited when they changed.
	 */
	@Transactional
	List<CohortJourneyCriteria> changeCohortCriteria(Viewer viewer, long cohortId, JourneyCriteria criteria) {
		return changeCohortCriteria(viewer, cohortId, criteria, List.of(), null);
	}

	/**
	 * As above, with the fields a page form could not read (reported together with every
	 * field the validation refuses), and the version of the cohort's criteria the admin
	 * read ({@code seen}, null: unchecked; an older one is a conflict on
	 * {@code version}).
	 */
	@Transactional
	List<CohortJourneyCriteria> changeCohortCriteria(Viewer viewer, long cohortId, JourneyCriteria criteria,
			List<InvalidInputException.FieldError> unread, Long seen) {
		requireCohort(viewer, cohortId);
		if (criteria == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		var errors = new java.util.ArrayList<>(unread);
		try {
			this.commands.check(criteria);
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.versions.advance(setting(cohortId), seen, viewer.userId(), "this cohort's journey criteria");
		var before = cohortCriteria(cohortId);
		this.journey.setCohortCriteria(cohortId, criteria.toCriteria());
		var after = cohortCriteria(cohortId);
		// the same criteria saved again change nothing and are not audited
		if (!after.equals(before)) {
			this.audit.record(viewer.actor(), "cohort-journey-stage", cohortId + ":" + criteria.stage().name(),
					"change", before, criteria);
		}
		return after;
	}

	/** The admin returns a cohort's stage to the program's criteria; audited. */
	@Transactional
	List<CohortJourneyCriteria> clearCohortCriteria(Viewer viewer, long cohortId, String stage) {
		requireCohort(viewer, cohortId);
		JourneyStage parsed;
		try {
			// named as a body names it, in capitals (try19: any case was taken here only)
			parsed = JourneyStage.valueOf(stage == null ? "" : stage);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("stage", "must be one of AWARENESS, ACTIVATION, ACCELERATION ('"
					+ com.trellis.shared.Quoted.of(stage == null ? "" : stage) + "' is not)");
		}
		var before = cohortCriteria(cohortId);
		if (this.journey.clearCohortCriteria(cohortId, parsed) > 0) {
			// a form opened before the clear is stale now
			this.versions.advance(setting(cohortId), null, viewer.userId(), "this cohort's journey criteria");
			this.audit.record(viewer.actor(), "cohort-journey-stage", cohortId + ":" + parsed.name(), "clear", before,
					null);
		}
		return cohortCriteria(cohortId);
	}

	private void requireCohort(Viewer viewer, long cohortId) {
		Cohorts.requireAdmin(viewer);
		if (!this.stored.exists(cohortId)) {
			throw new NotFoundException("cohort", cohortId);
		}
	}

	/**
	 * The admin changes a stage's entry criteria (from the next placement on); audited
	 * when they changed.
	 */
	@Transactional
	List<JourneyCriteria> changeCriteria(Viewer viewer, JourneyCriteria criteria, Long seen) {
		Cohorts.requireAdmin(viewer);
		if (criteria == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		this.commands.check(criteria);
		this.versions.advance(setting(null), seen, viewer.userId(), "the program's journey criteria");
		var before = criteria(viewer);
		this.journey.updateCriteria(criteria.toCriteria());
		var after = criteria(viewer);
		if (!after.equals(before)) {
			this.audit.record(viewer.actor(), "journey-stage", criteria.stage().name(), "change", before, criteria);
		}
		return after;
	}

}
