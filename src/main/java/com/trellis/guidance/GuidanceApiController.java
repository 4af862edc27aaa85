package com.trellis.guidance;

import java.time.LocalDate;
import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.IfMatch;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.Reading;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/guidance")
@Tag(name = "Guidance", description = "Each person's recommendations with their reason, accepted, dismissed or snoozed")
class GuidanceApiController {

	private final Guidance guidance;

	private final ProgramIcp icp;

	private final BusinessCalendar calendar;

	GuidanceApiController(Guidance guidance, ProgramIcp icp, BusinessCalendar calendar) {
		this.guidance = guidance;
		this.icp = icp;
		this.calendar = calendar;
	}

	/** The caller's waiting recommendations, best first. */
	@GetMapping
	List<RecommendationView> current(Viewer viewer) {
		return this.guidance.current(viewer).stream().map(r -> r.worded(reader())).toList();
	}

	@PostMapping("/{id}/accept")
	@ActsOn(GuidanceChecks.class)
	RecommendationView accept(Viewer viewer, @PathVariable long id) {
		return this.guidance.accept(viewer, id).worded(reader());
	}

	@PostMapping("/{id}/dismiss")
	@ActsOn(GuidanceChecks.class)
	RecommendationView dismiss(Viewer viewer, @PathVariable long id, @RequestBody(required = false) Dismissal body) {
		return this.guidance.dismiss(viewer, id, body == null ? null : body.reason()).worded(reader());
	}

	@PostMapping("/{id}/snooze")
	@ActsOn(GuidanceChecks.class)
	RecommendationView snooze(Viewer viewer, @PathVariable long id, @RequestBody(required = false) Snooze body) {
		return this.guidance.snooze(viewer, id, body == null ? null : body.until()).worded(reader());
	}

	/** Acceptance and outcome rates per kind, and which kinds are ranked down. */
	@GetMapping("/usefulness")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
	List<UsefulnessLine> usefulness(Viewer viewer) {
		return this.guidance.usefulness(viewer).stream().map(l -> l.worded(reader())).toList();
	}

	/** The program's ideal customer profile, against which early deals are checked. */
	@GetMapping("/icp")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'AE', 'SALES_MANAGER', 'EXECUTIVE')")
	@io.swagger.v3.oas.annotations.Operation(summary = "The program's ideal customer profile",
			description = "Answers its version as the ETag; send it back in If-Match on PUT to have "
					+ "a change saved meanwhile refused.")
	ProgramIcp.Settings icp(Viewer viewer, jakarta.servlet.http.HttpServletResponse response) {
		return IfMatch.read(response, () -> this.icp.view(viewer), this.icp::version);
	}

	/**
	 * Sets the program's whole ideal customer profile (admins only): the body names all
	 * three lists (an empty list targets everyone on it; all three empty clear it), so a
	 * list left out is refused rather than cleared. Each missing list and bad value is
	 * named ({@code countries[1]}) and nothing changes.
	 */
	@PutMapping("/icp")
	@PreAuthorize("hasRole('ADMIN')")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "412",
			description = "If-Match named a version the profile has moved on from; nothing changed")
	ProgramIcp.Settings setIcp(Viewer viewer, @RequestBody IcpBody body, @io.swagger.v3.oas.annotations.Parameter(
			description = "the ETag the profile's GET answered; without it the save is not checked") @RequestHeader(
					name = IfMatch.HEADER, required = false) String ifMatch,
			jakarta.servlet.http.HttpServletResponse response) {
		if (body == null) {
			throw InvalidInputException.of("body", "must be an object with industries, employeeBands and countries");
		}
		var errors = new java.util.ArrayList<InvalidInputException.FieldError>();
		body.missing().forEach(field -> errors.add(new InvalidInputException.FieldError(field, IcpBody.MISSING)));
		errors.addAll(Icp.problems(body.industries(), body.employeeBands(), body.countries()));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return IfMatch.update(response, ifMatch,
				seen -> this.icp.set(viewer, body.industries(), body.employeeBands(), body.countries(), seen),
				() -> this.icp.view(viewer), this.icp::version);
	}

	record IcpBody(List<String> industries, List<String> employeeBands, List<String> countries) {

		static final String MISSING = "must be given: a PUT sets the whole profile ([] targets everyone on it)";

		/** The lists the body leaves out (or sends as null), in the body's order. */
		List<String> missing() {
			var missing = new java.util.ArrayList<String>();
			if (this.industries == null) {
				missing.add("industries");
			}
			if (this.employeeBands == null) {
				missing.add("employeeBands");
			}
			if (this.countries == null) {
				missing.add("countries");
			}
			return missing;
		}

	}

	record Dismissal(String reason) {
	}

	record Snooze(LocalDate until) {
	}

	/**
	 * The caller's locale (their profile's, else the program's): the notation of a
	 * reason's figures; the words stay the one language of the messages.
	 */
	private java.util.Locale reader() {
		return Reading.locale(this.calendar.locale());
	}

}
