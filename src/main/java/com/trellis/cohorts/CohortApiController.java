package com.trellis.cohorts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.CsvExport;
import com.trellis.shared.IfMatch;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cohorts", description = "Cohorts by rule or by hand, membership history, journey and weekly figures")
class CohortApiController {

	private static final String STAFF = "hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')";

	/** The header saying when the daily job stored the figures answered. */
	static final String AS_OF = "X-Figures-As-Of";

	private final Cohorts cohorts;

	private final CohortWeeksRead weeks;

	private final CohortCriteria criteria;

	CohortApiController(Cohorts cohorts, CohortWeeksRead weeks, CohortCriteria criteria) {
		this.weeks = weeks;
		this.cohorts = cohorts;
		this.criteria = criteria;
	}

	@GetMapping("/api/v1/cohorts")
	@PreAuthorize(STAFF)
	List<CohortView> list(Viewer viewer) {
		return this.cohorts.list(viewer);
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/cohorts/export.csv")
	@PreAuthorize(STAFF)
	void export(Viewer viewer, HttpServletResponse response) throws IOException {
		var rows = new ArrayList<List<?>>();
		rows.add(List.of("cohort_id", "cohort", "kind", "basis", "members", "in_book", "created_at"));
		this.cohorts.list(viewer)
			.forEach(c -> rows
				.add(List.of(c.id(), c.name(), c.kind(), c.basis(), c.members(), c.inBook(), c.createdAt())));
		CsvExport.writeRows(response, "cohorts.csv", rows);
	}

	@GetMapping("/api/v1/cohorts/{id}/memberships")
	@PreAuthorize(STAFF)
	List<Membership> memberships(Viewer viewer, @PathVariable long id) {
		return this.cohorts.memberships(viewer, id);
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/cohorts/{id}/memberships.csv")
	@PreAuthorize(STAFF)
	void membershipsCsv(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
		writeMemberships(this.cohorts.memberships(viewer, id), "cohort-" + id + "-memberships.csv", response);
	}

	@GetMapping("/api/v1/partners/{id}/cohorts")
	List<Membership> ofPartner(Viewer viewer, @PathVariable long id) {
		return this.cohorts.ofPartner(viewer, id);
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/partners/{id}/cohorts.csv")
	void ofPartnerCsv(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
		writeMemberships(this.cohorts.ofPartner(viewer, id), "partner-" + id + "-cohorts.csv", response);
	}

	/**
	 * The journey per cohort and week; {@code X-Figures-As-Of} (ISO-8601 instant) says
	 * when the daily job stored them, absent when computed for the request.
	 */
	@GetMapping("/api/v1/cohorts/journey")
	@PreAuthorize(STAFF)
	List<CohortWeek> journey(Viewer viewer, @RequestParam(required = false) Integer weeks,
			HttpServletResponse response) {
		return asOf(this.weeks.journey(viewer, weeks), response);
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/cohorts/journey.csv")
	@PreAuthorize(STAFF)
	void journeyCsv(Viewer viewer, @RequestParam(required = false) Integer weeks, HttpServletResponse response)
			throws IOException {
		var rows = new ArrayList<List<?>>();
		rows.add(List.of("cohort_id", "cohort", "week_start", "fiscal_week", "awareness", "activation", "acceleration",
				"moved"));
		asOf(this.weeks.journey(viewer, weeks), response).forEach(w -> rows.add(List.of(w.cohortId(), w.cohort(),
				w.weekStart(), w.fiscalWeek(), w.awareness(), w.activation(), w.acceleration(), w.moved())));
		CsvExport.writeRows(response, "cohort-journey.csv", rows);
	}

	/**
	 * The figures per cohort and week; {@code X-Figures-As-Of} (ISO-8601 instant) says
	 * when the daily job stored them, absent when computed for the request.
	 */
	@GetMapping("/api/v1/cohorts/metrics")
	@PreAuthorize(STAFF)
	List<CohortMetricWeek> metrics(Viewer viewer, @RequestParam(required = false) Integer weeks,
			HttpServletResponse response) {
		return asOf(this.weeks.metrics(viewer, weeks), response);
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/cohorts/metrics.csv")
	@PreAuthorize(STAFF)
	void metricsCsv(Viewer viewer, @RequestParam(required = false) Integer weeks, HttpServletResponse response)
			throws IOException {
		var rows = new ArrayList<List<?>>();
		rows.add(List.of("cohort_id", "cohort", "week_start", "fiscal_week", "members", "pipeline_created", "currency",
				"ae_referrals", "wins", "win_velocity_days", "activation_rate", "readiness_p25", "readiness_median",
				"readiness_p75"));
		asOf(this.weeks.metrics(viewer, weeks), response)
			.forEach(m -> rows.add(java.util.Arrays.asList(m.cohortId(), m.cohort(), m.weekStart(), m.fiscalWeek(),
					m.members(), m.pipelineCreated(), m.currency(), m.aeReferrals(), m.wins(), m.winVelocityDays(),
					m.activationRate(), m.readinessP25(), m.readinessMedian(), m.readinessP75())));
		CsvExport.writeRows(response, "cohort-metrics.csv", rows);
	}

	/** The read's weeks, its time in {@code X-Figures-As-Of} when the job stored them. */
	private static <W> List<W> asOf(CohortWeeksRead.Read<W> read, HttpServletResponse response) {
		if (read.asOf() != null) {
			response.setHeader(AS_OF, read.asOf().toString());
		}
		return read.weeks();
	}

	/** The program's entry criteria, with their version as the ETag. */
	@GetMapping("/api/v1/cohorts/journey-criteria")
	@PreAuthorize(STAFF)
	List<JourneyCriteria> criteria(Viewer viewer, HttpServletResponse response) {
		return IfMatch.read(response, () -> this.criteria.criteria(viewer), () -> this.criteria.version(null));
	}

	/**
	 * Changes one stage's program criteria; with the ETag the GET answered in If-Match, a
	 * change saved meanwhile is refused with 412.
	 */
	@PutMapping("/api/v1/cohorts/journey-criteria")
	@PreAuthorize("hasRole('ADMIN')")
	List<JourneyCriteria> changeCriteria(Viewer viewer, @RequestBody JourneyCriteria criteria,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, HttpServletResponse response) {
		return IfMatch.update(response, ifMatch, seen -> this.criteria.changeCriteria(viewer, criteria, seen),
				() -> this.criteria.criteria(viewer), () -> this.criteria.version(null));
	}

	/** A cohort's entry criteria, with their version as the ETag. */
	@GetMapping("/api/v1/cohorts/{id}/journey-criteria")
	@PreAuthorize(STAFF)
	List<CohortJourneyCriteria> cohortCriteria(Viewer viewer, @PathVariable long id, HttpServletResponse response) {
		return IfMatch.read(response, () -> this.criteria.cohortCriteria(viewer, id), () -> this.criteria.version(id));
	}

	/**
	 * Sets one stage of a cohort's own criteria; with the ETag the GET answered in
	 * If-Match, a change saved meanwhile is refused with 412.
	 */
	@PutMapping("/api/v1/cohorts/{id}/journey-criteria")
	@com.trellis.identity.ActsOn(CohortChecks.class)
	@PreAuthorize("hasRole('ADMIN')")
	List<CohortJourneyCriteria> changeCohortCriteria(Viewer viewer, @PathVariable long id,
			@RequestBody JourneyCriteria criteria,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, HttpServletResponse response) {
		return IfMatch.update(response, ifMatch,
				seen -> this.criteria.changeCohortCriteria(viewer, id, criteria, List.of(), seen),
				() -> this.criteria.cohortCriteria(viewer, id), () -> this.criteria.version(id));
	}

	@DeleteMapping("/api/v1/cohorts/{id}/journey-criteria/{stage}")
	@PreAuthorize("hasRole('ADMIN')")
	List<CohortJourneyCriteria> clearCohortCriteria(Viewer viewer, @PathVariable long id, @PathVariable String stage) {
		return this.criteria.clearCohortCriteria(viewer, id, stage);
	}

	@GetMapping("/api/v1/cohorts/suggestion")
	@PreAuthorize("hasRole('ADMIN')")
	List<SuggestedCohort> suggestion(Viewer viewer) {
		return this.cohorts.suggestion(viewer);
	}

	@PostMapping("/api/v1/cohorts/suggestion/apply")
	@PreAuthorize("hasRole('ADMIN')")
	List<CohortView> apply(Viewer viewer) {
		return this.cohorts.applySuggestion(viewer);
	}

	@PostMapping("/api/v1/cohorts")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	CohortView create(Viewer viewer, @RequestBody CohortCommand command) {
		return this.cohorts.create(viewer, command);
	}

	@PostMapping("/api/v1/cohorts/{id}/members")
	@com.trellis.identity.ActsOn(CohortChecks.class)
	@PreAuthorize("hasRole('ADMIN')")
	List<Membership> addMembers(Viewer viewer, @PathVariable long id, @RequestBody AddMembers body) {
		return this.cohorts.addMembers(viewer, id, body == null ? null : body.partnerIds());
	}

	@DeleteMapping("/api/v1/cohorts/{id}/members/{partnerId}")
	@PreAuthorize("hasRole('ADMIN')")
	List<Membership> removeMember(Viewer viewer, @PathVariable long id, @PathVariable long partnerId) {
		return this.cohorts.removeMember(viewer, id, partnerId);
	}

	/** Partners to add to a cohort made by hand. */
	record AddMembers(List<Long> partnerIds) {
	}

	private static void writeMemberships(List<Membership> history, String file, HttpServletResponse response)
			throws IOException {
		var rows = new ArrayList<List<?>>();
		rows.add(List.of("cohort_id", "cohort", "kind", "partner_id", "partner", "valid_from", "valid_to", "reason"));
		history.forEach(m -> rows.add(java.util.Arrays.asList(m.cohortId(), m.cohort(), m.kind(), m.partnerId(),
				m.partner(), m.validFrom(), m.validTo(), m.reason())));
		CsvExport.writeRows(response, file, rows);
	}

}
