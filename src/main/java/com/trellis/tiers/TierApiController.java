package com.trellis.tiers;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.IfMatch;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.Reading;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
@Tag(name = "Partner tiers",
		description = "Tiers that follow the scores with hysteresis, tier history, overrides and thresholds")
class TierApiController {

	private final PartnerTiers tiers;

	private final BusinessCalendar calendar;

	TierApiController(PartnerTiers tiers, BusinessCalendar calendar) {
		this.tiers = tiers;
		this.calendar = calendar;
	}

	@GetMapping("/api/v1/partners/{id}/tier")
	TierCard card(Viewer viewer, @PathVariable long id) {
		return this.tiers.card(viewer, id).worded(Reading.locale(this.calendar.locale()));
	}

	@GetMapping("/api/v1/partners/{id}/tier/history")
	List<TierChange> history(Viewer viewer, @PathVariable long id) {
		return this.tiers.history(viewer, id);
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/partners/{id}/tier/history.csv")
	void historyCsv(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
		TierExports.history(this.tiers.history(viewer, id), "partner-" + id + "-tier-history.csv", response);
	}

	@PostMapping("/api/v1/partners/{id}/tier/override")
	@PreAuthorize("hasRole('ADMIN')")
	@ActsOn(PartnerChecks.Managed.class)
	@ResponseStatus(HttpStatus.CREATED)
	TierOverride override(Viewer viewer, @PathVariable long id, @RequestBody OverrideCommand command) {
		return this.tiers.override(viewer, id, command);
	}

	/**
	 * Ends the override in force before its expiry: 409 naming {@code override} without
	 * one.
	 */
	@PostMapping("/api/v1/partners/{id}/tier/override/end")
	@PreAuthorize("hasRole('ADMIN')")
	@ActsOn(PartnerChecks.Managed.class)
	TierOverride endOverride(Viewer viewer, @PathVariable long id, @RequestBody EndOverrideCommand command) {
		return this.tiers.endOverride(viewer, id, command);
	}

	@GetMapping("/api/v1/tiers/thresholds")
	@Operation(summary = "The tier thresholds",
			description = "Answers their version as the ETag; send it back in If-Match on PUT to have "
					+ "a change saved meanwhile refused.")
	TierThresholds thresholds(Viewer viewer, HttpServletResponse response) {
		return IfMatch.read(response, () -> this.tiers.thresholds(viewer), this.tiers::thresholdsVersion);
	}

	@PutMapping("/api/v1/tiers/thresholds")
	@PreAuthorize("hasRole('ADMIN')")
	@ApiResponse(responseCode = "412",
			description = "If-Match named a version the thresholds have moved on from; nothing changed")
	TierThresholds setThresholds(Viewer viewer, @RequestBody ThresholdsCommand command, @Parameter(
			description = "the ETag the thresholds' GET answered; without it the save is not checked") @RequestHeader(
					name = IfMatch.HEADER, required = false) String ifMatch,
			HttpServletResponse response) {
		return IfMatch.update(response, ifMatch, seen -> this.tiers.setThresholds(viewer, command, seen),
				() -> this.tiers.thresholds(viewer), this.tiers::thresholdsVersion);
	}

	@GetMapping("/api/v1/tiers/changes")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
	PageResult<TierChange> changes(Viewer viewer, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.tiers.changes(viewer, PageRequest.of(page, size));
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/tiers/changes/export.csv")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
	void changesCsv(Viewer viewer, HttpServletResponse response) throws IOException {
		TierExports.changes(this.tiers, viewer, response);
	}

	@GetMapping("/api/v1/tiers/overrides")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE')")
	List<TierOverride> overrides(Viewer viewer, @RequestParam(required = false) Boolean open) {
		return this.tiers.overrides(viewer, Boolean.TRUE.equals(open));
	}

	@GetMapping("/api/v1/tiers/trend")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE')")
	TierTrend trend(Viewer viewer) {
		return this.tiers.trend(viewer);
	}

}
