package com.trellis.cadence;

import java.util.List;

import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarter's meetings and each meeting's pack as JSON.
 */
@RestController
@RequestMapping("/api/v1/cadence")
@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
@Tag(name = "Cadence", description = "The meetings of the 13-week quarter and their packs")
class CadenceApiController {

	private final Packs packs;

	CadenceApiController(Packs packs) {
		this.packs = packs;
	}

	@GetMapping("/{quarter}")
	@Operation(summary = "The meetings of a quarter (like 2026-Q4) the caller attends")
	List<Packs.Entry> calendar(Viewer viewer, @PathVariable String quarter) {
		return this.packs.calendar(viewer, quarter);
	}

	@GetMapping("/{quarter}/{meeting}/{week}")
	@com.trellis.identity.ActsOn(value = CadenceChecks.OwnBook.class, from = com.trellis.identity.ActsOn.From.BODY,
			key = "pam")
	@Operation(summary = "The pack of one meeting",
			description = "pam picks the PAM of a 1:1 or narrows the weekly call to a PAM's book.")
	Pack pack(Viewer viewer, @PathVariable String quarter, @PathVariable Meeting meeting,
			@io.swagger.v3.oas.annotations.Parameter(description = "the week of the quarter, 1 to 13",
					schema = @io.swagger.v3.oas.annotations.media.Schema(type = "integer")) @PathVariable String week,
			@RequestParam(required = false) Long pam) {
		return this.packs.pack(viewer, quarter, meeting, Packs.week(week), pam);
	}

}
