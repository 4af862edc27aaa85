package com.trellis.readiness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The readiness page: the partner fills in and submits its assessment and uploads its
 * material; its PAM accepts or returns the version awaiting a decision and rates the
 * material; everyone who may see the partner sees every version.
 */
@Controller
class ReadinessPageController {

	private final ReadinessAssessments readiness;

	ReadinessPageController(ReadinessAssessments readiness) {
		this.readiness = readiness;
	}

	@GetMapping("/partners/{id}/readiness")
	String page(Viewer viewer, @PathVariable long id, Model model) {
		var view = this.readiness.view(viewer, id);
		var latest = view.versions().isEmpty() ? null : view.versions().get(0);
		model.addAttribute("readiness", view);
		model.addAttribute("latest", latest);
		// the decision and rating forms for those who may use them (try69c: every staff
		// role was offered them and refused on posting)
		model.addAttribute("validates", this.readiness.validates(viewer, id));
		if (latest != null && !model.containsAttribute("typed")) {
			// the form starts from the latest version, so a returned one is changed, not
			// typed again (try69b: only the ICP came back)
			model.addAttribute("typed", asTyped(latest));
		}
		return "readiness/readiness";
	}

	/** A version as its form's fields write it: one item a line, "title | won deal". */
	private static java.util.Map<String, String> asTyped(AssessmentView version) {
		java.util.function.Function<List<AssessmentView.Item>, String> lines = items -> String.join("\n",
				items.stream()
					.map(i -> i.proofDealId() == null ? i.title() : i.title() + " | " + i.proofDealId())
					.toList());
		return java.util.Map.of("icpDefinition", String.valueOf(version.icpDefinition()), "useCases",
				lines.apply(version.useCases()), "salesProcess", String.valueOf(version.salesProcess()),
				"packagedOffers", String.valueOf(version.packagedOffers()), "specialisations",
				lines.apply(version.specialisations()), "deliveryStaff", String.valueOf(version.deliveryStaff()),
				"deliveryNotes", version.deliveryNotes() == null ? "" : version.deliveryNotes());
	}

	@PostMapping("/partners/{id}/readiness")
	@PreAuthorize("hasRole('PARTNER')")
	@ActsOn(ReadinessChecks.FillsIn.class)
	String submit(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String icpDefinition,
			@RequestParam(defaultValue = "") String useCases, @RequestParam(defaultValue = "") String salesProcess,
			@RequestParam(defaultValue = "") String packagedOffers,
			@RequestParam(defaultValue = "") String specialisations,
			@RequestParam(defaultValue = "") String deliveryStaff,
			@RequestParam(defaultValue = "") String deliveryNotes, Model model, HttpServletResponse response) {
		var errors = new ArrayList<InvalidInputException.FieldError>();
		try {
			this.readiness.submit(viewer, id, new AssessmentCommand(icpDefinition, lines("useCases", useCases, errors),
					number("salesProcess", salesProcess, errors), number("packagedOffers", packagedOffers, errors),
					lines("specialisations", specialisations, errors), number("deliveryStaff", deliveryStaff, errors),
					deliveryNotes), errors);
		}
		catch (InvalidInputException ex) {
			// the form again, as typed, each problem next to its field (s57, try72: a
			// generic error page lost what was typed)
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", byField(ex));
			model.addAttribute("typed",
					java.util.Map.of("icpDefinition", icpDefinition, "useCases", useCases, "salesProcess", salesProcess,
							"packagedOffers", packagedOffers, "specialisations", specialisations, "deliveryStaff",
							deliveryStaff, "deliveryNotes", deliveryNotes));
			return page(viewer, id, model);
		}
		catch (com.trellis.shared.ConflictException ex) {
			// a version awaits the PAM (a tab opened before it was submitted): said
			// on the page, which shows that version
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("error", ex.reason());
			return page(viewer, id, model);
		}
		return "redirect:/partners/" + id + "/readiness";
	}

	/**
	 * The problems by the form field they belong to: an item's
	 * ({@code useCases[1].title}) under its list, as "line 2: …".
	 */
	static java.util.Map<String, String> byField(InvalidInputException ex) {
		var out = new java.util.LinkedHashMap<String, String>();
		for (var error : ex.errors()) {
			var item = ITEM.matcher(error.field());
			var field = item.matches() ? item.group(1) : error.field();
			var line = item.matches() && item.group(2) != null ? "line " + (Integer.parseInt(item.group(2)) + 1) + ": "
					: "";
			out.merge(field, line + error.message(), (a, b) -> a + "; " + b);
		}
		return out;
	}

	/**
	 * A field, or an item of a list field and what follows ({@code useCases[1].title}).
	 */
	private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern
		.compile("([A-Za-z]+)(?:\\[(\\d+)\\])?(?:\\..*)?");

	@PostMapping("/partners/{id}/readiness/decision")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(ReadinessChecks.Validates.class)
	String decide(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String accept,
			@RequestParam(required = false) String comment, @RequestParam(required = false) String version, Model model,
			HttpServletResponse response) {
		try {
			// accept read here, so a garbage one comes back beside the comment (try70a);
			// the version the form showed, none or unreadable taken as stale
			this.readiness.decide(viewer, id,
					new AssessmentDecision(com.trellis.shared.FormFields.trueOrFalse("accept", accept), comment,
							com.trellis.shared.FormFields.seenVersion(version)));
		}
		catch (InvalidInputException ex) {
			// the decision form again with the PAM's comment and its problem (try69c: a
			// generic error page lost the comment)
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("decisionErrors", byField(ex));
			model.addAttribute("decisionComment", comment);
			return page(viewer, id, model);
		}
		catch (com.trellis.shared.ConflictException ex) {
			// decided meanwhile, or nothing awaits: said on the page, which shows the
			// state
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("error", ex.reason());
			return page(viewer, id, model);
		}
		return "redirect:/partners/" + id + "/readiness";
	}

	@PostMapping("/partners/{id}/readiness/materials")
	@PreAuthorize("hasRole('PARTNER')")
	@ActsOn(ReadinessChecks.FillsIn.class)
	String upload(Viewer viewer, @PathVariable long id, @RequestParam(required = false) MultipartFile file)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw InvalidInputException.of("file", "choose a file to upload");
		}
		this.readiness.upload(viewer, id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
		return "redirect:/partners/" + id + "/readiness";
	}

	@GetMapping("/partners/{id}/readiness/materials/{materialId}")
	ResponseEntity<byte[]> material(Viewer viewer, @PathVariable long id, @PathVariable long materialId) {
		return ReadinessApiController.download(this.readiness.material(viewer, id, materialId));
	}

	@PostMapping("/partners/{id}/readiness/materials/{materialId}/rating")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(ReadinessChecks.Validates.class)
	String rate(Viewer viewer, @PathVariable long id, @PathVariable long materialId,
			@RequestParam(defaultValue = "") String rating) {
		this.readiness.rate(viewer, id, materialId, number("rating", rating));
		return "redirect:/partners/" + id + "/readiness";
	}

	/**
	 * One item per line, "title" or "title | won deal id", the proof after the line's
	 * last bar (grouping commas allowed, "6,640"); a bar not followed by a number belongs
	 * to the title, so a title "A | B" saved through the API comes back as it was
	 * (try69c). An error is added for each line whose proof is too long to be a deal
	 * number (that line is kept without a proof, so the other checks still run).
	 */
	static List<ProofItem> lines(String field, String text, List<InvalidInputException.FieldError> errors) {
		var items = new ArrayList<ProofItem>();
		var lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		for (int i = 0; i < lines.size(); i++) {
			var line = lines.get(i);
			int bar = line.lastIndexOf('|');
			var proof = bar < 0 ? "" : line.substring(bar + 1).strip().replace(",", "");
			Long deal = null;
			if (proof.matches("[0-9]{1,18}")) {
				deal = Long.valueOf(proof);
			}
			else if (proof.matches("[0-9]+")) {
				errors.add(new InvalidInputException.FieldError(field,
						"line " + (i + 1) + ": the proof is a won deal's number"));
			}
			else if (!proof.isEmpty()) {
				// no number after the last bar: the bar is the title's own ("A | B")
				bar = -1;
			}
			items.add(new ProofItem((bar < 0 ? line : line.substring(0, bar)).strip(), deal));
		}
		return items;
	}

	private static int number(String field, String text) {
		var errors = new ArrayList<InvalidInputException.FieldError>();
		int value = number(field, text, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return value;
	}

	/**
	 * The number typed, for the command's own bounds to judge ({@code @Min}/{@code @Max},
	 * "must be less than or equal to 50", as the API tells them): digits beyond an int
	 * read as the nearest it holds, which every bounded field here refuses. Empty is "is
	 * required" and words "must be a whole number" (added to {@code errors}, with 0 for
	 * the command; try69: empty was saved as 0, -1 was no whole number and 1234567 "too
	 * large").
	 */
	private static int number(String field, String text, List<InvalidInputException.FieldError> errors) {
		var read = com.trellis.shared.FormFields.nearestWhole(text);
		if (read == null) {
			errors.add(new InvalidInputException.FieldError(field,
					text.isBlank() ? "is required" : "must be a whole number"));
			return 0;
		}
		return read;
	}

}
