package com.trellis.maturity;

import java.util.Locale;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The maturity assessment: the questionnaires, the program's and each partner's
 * assessments with their history, and new submissions (answers as question id to 0–4).
 */
@Tag(name = "Maturity assessment",
		description = "A weighted questionnaire placing the program or a partner on five maturity levels (§C19)")
@RestController
class MaturityApiController {

	static final String PROGRAM_READERS = "hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')";

	static final String PARTNER_READERS = "hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM', 'PARTNER')";

	private final MaturityAssessments maturity;

	MaturityApiController(MaturityAssessments maturity) {
		this.maturity = maturity;
	}

	@GetMapping("/api/v1/maturity/questionnaires/{subject}")
	@PreAuthorize(PARTNER_READERS)
	QuestionnaireView questionnaire(@PathVariable String subject) {
		var questionnaire = this.maturity.questionnaire(subject(subject));
		return new QuestionnaireView(questionnaire.subject(), questionnaire.version(), Questionnaire.SCALE,
				questionnaire.areas(), questionnaire.questions());
	}

	/**
	 * A questionnaire as the API shows it, with the answer scale: answer {@code i} means
	 * {@code scale[i]}.
	 */
	record QuestionnaireView(Subject subject, int version, java.util.List<String> scale, java.util.List<Area> areas,
			java.util.List<Question> questions) {
	}

	@GetMapping("/api/v1/maturity/program")
	@PreAuthorize(PROGRAM_READERS)
	MaturityHistory program(Viewer viewer) {
		return this.maturity.program(viewer);
	}

	@PostMapping("/api/v1/maturity/program")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	MaturityAssessment submitProgram(Viewer viewer, @RequestBody AnswersCommand command) {
		return this.maturity.submitProgram(viewer, command, true);
	}

	@GetMapping("/api/v1/maturity/partner-levels")
	@PreAuthorize(PROGRAM_READERS)
	Map<Level, Long> partnerLevels(Viewer viewer) {
		return this.maturity.partnersByLevel(viewer);
	}

	@GetMapping("/api/v1/maturity/partners/{id}")
	@PreAuthorize(PARTNER_READERS)
	MaturityHistory partner(Viewer viewer, @PathVariable long id) {
		return this.maturity.partner(viewer, id);
	}

	@PostMapping("/api/v1/maturity/partners/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'PARTNER')")
	@ActsOn(MaturityChecks.AnswersPartner.class)
	@ResponseStatus(HttpStatus.CREATED)
	MaturityAssessment submitPartner(Viewer viewer, @PathVariable long id, @RequestBody AnswersCommand command) {
		return this.maturity.submitPartner(viewer, id, command, true);
	}

	private static Subject subject(String text) {
		try {
			return Subject.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("subject", "must be program or partner");
		}
	}

}
