package com.trellis.readiness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.BodyTypes;
import com.trellis.shared.CsvExport;
import com.trellis.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Readiness self-assessment",
		description = "The partner's readiness assessment, validated by its PAM, every version kept")
class ReadinessApiController {

	private final ReadinessAssessments readiness;

	ReadinessApiController(ReadinessAssessments readiness) {
		this.readiness = readiness;
	}

	@GetMapping("/api/v1/partners/{id}/readiness")
	ReadinessView view(Viewer viewer, @PathVariable long id) {
		return this.readiness.view(viewer, id);
	}

	@PostMapping("/api/v1/partners/{id}/readiness")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('PARTNER')")
	@ActsOn(ReadinessChecks.FillsIn.class)
	@io.swagger.v3.oas.annotations.Operation(summary = "The partner submits a new version of its readiness",
			description = "201 with the version, awaiting the PAM. 403/404 for another partner first; then 409 "
					+ "(field status) while a submitted version awaits the PAM's decision, whatever values a "
					+ "readable body holds; then 400 naming every bad field (bounds, proofs that are not the "
					+ "partner's won deals). A body that cannot be read as an assessment (text for a number, a "
					+ "number beyond its type) is 400, after the role and partner checks and before the state check.")
	AssessmentView submit(Viewer viewer, @PathVariable long id, @RequestBody AssessmentCommand command) {
		return this.readiness.submit(viewer, id, command);
	}

	@PostMapping("/api/v1/partners/{id}/readiness/decision")
	@io.swagger.v3.oas.annotations.Operation(
			summary = "Accept the version awaiting the PAM's decision, or return it with a comment",
			description = "403/404 for a caller who does not validate this partner first; then 400 naming every bad "
					+ "field (accept missing, a return without a comment, a comment over 2000 characters), with status "
					+ "when nothing awaits a decision; a valid decision with nothing awaiting is 409, and so is one "
					+ "whose version (optional: the version read) is not the one awaiting.")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(ReadinessChecks.Validates.class)
	AssessmentView decide(Viewer viewer, @PathVariable long id, @RequestBody AssessmentDecision decision) {
		return this.readiness.decide(viewer, id, decision);
	}

	/**
	 * A material file, as {@code multipart/form-data} with the file in a part named
	 * {@code file}; another content type is a 415, after the role and owner checks
	 * ({@link BodyTypes}).
	 */
	@PostMapping("/api/v1/partners/{id}/readiness/materials")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('PARTNER')")
	@ActsOn(ReadinessChecks.FillsIn.class)
	MaterialView upload(Viewer viewer, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
			HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
		BodyTypes.require(request, MediaType.MULTIPART_FORM_DATA);
		if (file == null) {
			throw InvalidInputException.of("file", "choose a file to upload");
		}
		return this.readiness.upload(viewer, id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
	}

	@GetMapping("/api/v1/partners/{id}/readiness/materials/{materialId}")
	ResponseEntity<byte[]> material(Viewer viewer, @PathVariable long id, @PathVariable long materialId) {
		return download(this.readiness.material(viewer, id, materialId));
	}

	@PutMapping("/api/v1/partners/{id}/readiness/materials/{materialId}/rating")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(ReadinessChecks.Validates.class)
	MaterialView rate(Viewer viewer, @PathVariable long id, @PathVariable long materialId, @RequestBody Rating rating) {
		return this.readiness.rate(viewer, id, materialId, rating == null ? null : rating.rating());
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/partners/{id}/readiness/versions.csv")
	void versionsCsv(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
		var rows = new ArrayList<List<?>>();
		rows.add(List.of("partner_id", "version", "status", "submitted_at", "submitted_by", "decided_at", "decided_by",
				"comment", "use_cases", "use_cases_proven", "sales_process", "packaged_offers", "specialisations",
				"delivery_staff"));
		this.readiness.view(viewer, id)
			.versions()
			.forEach(v -> rows.add(java.util.Arrays.asList(v.partnerId(), v.version(), v.status(), v.submittedAt(),
					v.submittedBy(), v.decidedAt(), v.decidedBy(), v.decisionComment(), v.useCases().size(),
					v.useCases().stream().filter(AssessmentView.Item::proven).count(), v.salesProcess(),
					v.packagedOffers(), v.specialisations().size(), v.deliveryStaff())));
		CsvExport.writeRows(response, "partner-" + id + "-readiness.csv", rows);
	}

	/** The PAM's rating of a file, 1 to 5. */
	record Rating(Integer rating) {
	}

	/** A stored file as an attachment, never rendered inline by the browser. */
	static ResponseEntity<byte[]> download(Object[] file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename((String) file[0], java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType((String) file[1]))
			.body((byte[]) file[2]);
	}

}
