package com.trellis.roi;

import java.io.IOException;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FormErrors;
import com.trellis.shared.IfMatch;
import com.trellis.shared.PageRequest;
import com.trellis.shared.Reading;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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

/**
 * Long-tail ROI: admins and executives read the program, a PAM its book, a partner user
 * its own partner; program admins record, correct and delete spend and set the cost
 * rates.
 */
@Tag(name = "ROI",
		description = "Cost to serve against pipeline, revenue and lift per partner, tier and cohort, and marketplace velocity (§C18)")
@RestController
class RoiApiController {

	private static final int SPEND_LISTED = 200;

	static final String READERS = "hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM', 'PARTNER')";

	private final Roi roi;

	private final ProgramSpend spend;

	private final BusinessCalendar calendar;

	RoiApiController(Roi roi, ProgramSpend spend, BusinessCalendar calendar) {
		this.roi = roi;
		this.spend = spend;
		this.calendar = calendar;
	}

	/** The reader's locale: the reasons' figures are worded in it. */
	private java.util.Locale reader() {
		return Reading.locale(this.calendar.locale());
	}

	@GetMapping("/api/v1/roi")
	@PreAuthorize(READERS)
	@com.trellis.identity.ActsOn(value = RoiChecks.class, from = com.trellis.identity.ActsOn.From.BODY, key = "partner")
	RoiReport report(Viewer viewer, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) Long partner) {
		return this.roi.report(viewer, quarter, partner).worded(reader());
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/roi/partners.csv")
	@PreAuthorize(READERS)
	void csv(Viewer viewer, @RequestParam(required = false) String quarter, HttpServletResponse response)
			throws IOException {
		RoiCsv.write(this.roi.report(viewer, quarter, null).worded(reader()), response);
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/roi/totals.csv")
	@PreAuthorize(READERS)
	void totalsCsv(Viewer viewer, @RequestParam(required = false) String quarter, HttpServletResponse response)
			throws IOException {
		RoiCsv.writeTotals(this.roi.report(viewer, quarter, null), response);
	}

	@GetMapping("/api/v1/roi/pull-through")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
	List<PullThrough> pullThrough(Viewer viewer, @RequestParam(required = false) String quarter) {
		return this.roi.pullThrough(viewer, quarter);
	}

	@GetMapping("/api/v1/roi/reinvest")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
	List<Reinvestment> reinvest(Viewer viewer, @RequestParam(required = false) String quarter) {
		return this.roi.reinvest(viewer, quarter).stream().map(r -> r.worded(reader())).toList();
	}

	/**
	 * A page of the program spend entries in the caller's scope, newest first (by day,
	 * then by entry), as a JSON array: {@code page} from 0, {@code size} 1 to 200 (200
	 * unless given); with {@code quarter} ("2026-Q4") only those spent in that fiscal
	 * quarter. The header {@code X-Total-Count} gives the entries of the whole list. A
	 * bad quarter, page or size is refused naming each (400).
	 */
	@GetMapping("/api/v1/roi/spend")
	@PreAuthorize(READERS)
	List<SpendView> spend(Viewer viewer, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			HttpServletResponse response) {
		var label = quarter == null || quarter.isBlank() ? null : quarter.trim();
		var read = new PageRequest[1];
		FormErrors.checks(() -> {
			if (label != null) {
				this.calendar.quarter(label);
			}
		}, () -> read[0] = PageRequest.named("page", page, "size", size == null ? SPEND_LISTED : size)).run();
		var listed = this.spend.list(viewer, label, read[0]);
		response.setHeader("X-Total-Count", Long.toString(listed.total()));
		return listed.items();
	}

	@PostMapping("/api/v1/roi/spend")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	SpendView addSpend(Viewer viewer, @Valid @RequestBody SpendCommand command) {
		return this.spend.add(viewer, command);
	}

	@PutMapping("/api/v1/roi/spend/{id}")
	@com.trellis.identity.ActsOn(SpendChecks.class)
	@PreAuthorize("hasRole('ADMIN')")
	SpendView correctSpend(Viewer viewer, @PathVariable long id, @Valid @RequestBody SpendCommand command) {
		return this.spend.correct(viewer, id, command);
	}

	@DeleteMapping("/api/v1/roi/spend/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteSpend(Viewer viewer, @PathVariable long id) {
		this.spend.delete(viewer, id);
	}

	@GetMapping("/api/v1/roi/cost-rates")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
	@io.swagger.v3.oas.annotations.Operation(summary = "The cost rates",
			description = "Answers their version as the ETag; send it back in If-Match on PUT to have "
					+ "a change saved meanwhile refused.")
	CostRates rates(Viewer viewer, HttpServletResponse response) {
		return IfMatch.read(response, () -> this.roi.rates(viewer), this.roi::ratesVersion);
	}

	@PutMapping("/api/v1/roi/cost-rates")
	@PreAuthorize("hasRole('ADMIN')")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "412",
			description = "If-Match named a version the cost rates have moved on from; nothing changed")
	CostRates setRates(Viewer viewer, @Valid @RequestBody CostRates rates, @io.swagger.v3.oas.annotations.Parameter(
			description = "the ETag the rates' GET answered; without it the save is not checked") @RequestHeader(
					name = IfMatch.HEADER, required = false) String ifMatch,
			HttpServletResponse response) {
		return IfMatch.update(response, ifMatch, seen -> this.roi.setRates(viewer, rates, seen),
				() -> this.roi.rates(viewer), this.roi::ratesVersion);
	}

}
