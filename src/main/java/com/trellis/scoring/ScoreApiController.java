package com.trellis.scoring;

import java.io.IOException;

import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Partner scores",
		description = "Readiness, behaviour and trust, explained by their signals, with weekly history")
class ScoreApiController {

	private final PartnerScores scores;

	ScoreApiController(PartnerScores scores) {
		this.scores = scores;
	}

	@GetMapping("/api/v1/partners/{id}/scores")
	PartnerScorecard scorecard(Viewer viewer, @PathVariable long id) {
		return this.scores.scorecard(viewer, id);
	}

	@GetMapping("/api/v1/scores")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
	PageResult<ScoreLine> list(Viewer viewer, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.scores.list(viewer, ScoreExports.sort(sort), PageRequest.of(page, size));
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/scores/export.csv")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
	void export(Viewer viewer, @RequestParam(required = false) String sort, HttpServletResponse response)
			throws IOException {
		ScoreExports.write(this.scores, viewer, ScoreExports.sort(sort), response);
	}

}
