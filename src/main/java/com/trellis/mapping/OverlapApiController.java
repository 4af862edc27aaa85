package com.trellis.mapping;

import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Account mapping", description = "A partner's customer and prospect list, matched to the vendor's accounts")
class OverlapApiController {

	private final Overlaps overlaps;

	OverlapApiController(Overlaps overlaps) {
		this.overlaps = overlaps;
	}

	@GetMapping("/api/v1/partners/{id}/overlaps")
	Map<String, Long> matrix(Viewer viewer, @PathVariable long id) {
		return this.overlaps.matrix(viewer, id);
	}

	@GetMapping("/api/v1/partners/{id}/overlaps/records")
	List<OverlapRecord> records(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String cell) {
		return this.overlaps.records(viewer, id, cell);
	}

}
