package com.trellis.maturity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The maturity pages: the program's ({@code /maturity}) and one partner's
 * ({@code /partners/{id}/maturity}), each with the latest result, its recommendations,
 * the change per area and the assessments before; those who answer fill in the
 * questionnaire there. A form with bad answers comes back with each question's error and
 * what was chosen, and nothing is stored.
 */
@Controller
class MaturityPageController {

	/** Form fields holding an answer are named {@code answer.<question id>}. */
	static final String ANSWER = "answer.";

	private final MaturityAssessments maturity;

	MaturityPageController(MaturityAssessments maturity) {
		this.maturity = maturity;
	}

	@GetMapping("/maturity")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM', 'PARTNER')")
	String program(Viewer viewer, Model model) {
		if (viewer.isPartnerUser()) {
			return "redirect:/partners/" + viewer.partnerId() + "/maturity";
		}
		return programPage(viewer, model, Map.of(), Map.of(), null);
	}

	@PostMapping("/maturity")
	@PreAuthorize("hasRole('ADMIN')")
	String submitProgram(Viewer viewer, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		var command = command(form);
		try {
			requireOneNote(form);
			this.maturity.submitProgram(viewer, command, false);
		}
		catch (InvalidInputException ex) {
			return programPage(viewer, model, errors(ex), command.answers(), command.note());
		}
		redirect.addFlashAttribute("notice", "saved");
		return "redirect:/maturity";
	}

	@GetMapping("/partners/{id}/maturity")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM', 'PARTNER')")
	String partner(Viewer viewer, @PathVariable long id, Model model) {
		return partnerPage(viewer, id, model, Map.of(), Map.of(), null);
	}

	@PostMapping("/partners/{id}/maturity")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'PARTNER')")
	@ActsOn(MaturityChecks.AnswersPartner.class)
	String submitPartner(Viewer viewer, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
			Model model, RedirectAttributes redirect) {
		var command = command(form);
		try {
			requireOneNote(form);
			this.maturity.submitPartner(viewer, id, command, false);
		}
		catch (InvalidInputException ex) {
			return partnerPage(viewer, id, model, errors(ex), command.answers(), command.note());
		}
		redirect.addFlashAttribute("notice", "saved");
		return "redirect:/partners/" + id + "/maturity";
	}

	private String programPage(Viewer viewer, Model model, Map<String, String> errors, Map<String, Object> typed,
			String note) {
		model.addAttribute("history", this.maturity.program(viewer));
		model.addAttribute("partnerLevels", this.maturity.partnersByLevel(viewer));
		model.addAttribute("canAnswer", viewer.is(Role.ADMIN));
		model.addAttribute("action", "/maturity");
		return page(model, Subject.PROGRAM, errors, typed, note);
	}

	private String partnerPage(Viewer viewer, long id, Model model, Map<String, String> errors,
			Map<String, Object> typed, String note) {
		model.addAttribute("history", this.maturity.partner(viewer, id));
		boolean canAnswer;
		try {
			this.maturity.requireAnswersPartner(viewer, id);
			canAnswer = true;
		}
		catch (org.springframework.security.access.AccessDeniedException ex) {
			canAnswer = false;
		}
		model.addAttribute("canAnswer", canAnswer);
		model.addAttribute("action", "/partners/" + id + "/maturity");
		return page(model, Subject.PARTNER, errors, typed, note);
	}

	private String page(Model model, Subject subject, Map<String, String> errors, Map<String, Object> typed,
			String note) {
		var questionnaire = this.maturity.questionnaire(subject);
		model.addAttribute("questionnaire", questionnaire);
		model.addAttribute("scale", Questionnaire.SCALE);
		model.addAttribute("levels", Level.values());
		model.addAttribute("errors", errors);
		var chosen = new LinkedHashMap<String, String>();
		typed.forEach((question, answer) -> chosen.put(question, String.valueOf(answer)));
		model.addAttribute("typed", chosen);
		model.addAttribute("typedNote", note);
		return "maturity/page";
	}

	/**
	 * The answers of the form (fields {@code answer.<question id>}) and the note. A
	 * question answered more than once keeps all its answers, which {@link AnswerCheck}
	 * refuses, instead of one of them winning unseen; a note given more than once is
	 * refused here ({@link #requireOneNote}).
	 */
	private static AnswersCommand command(MultiValueMap<String, String> form) {
		var answers = new LinkedHashMap<String, Object>();
		form.forEach((name, values) -> {
			if (name.startsWith(ANSWER) && values != null && !values.isEmpty()) {
				answers.put(name.substring(ANSWER.length()), values.size() == 1 ? values.get(0) : List.copyOf(values));
			}
		});
		return new AnswersCommand(answers, form.getFirst("note"));
	}

	/** The note is one text: given twice, neither may win unseen. */
	private static void requireOneNote(MultiValueMap<String, String> form) {
		var notes = form.get("note");
		if (notes != null && notes.size() > 1) {
			throw InvalidInputException.repeated("note", notes.size());
		}
	}

	/** Each error by its field: {@code answers.<question id>} or {@code note}. */
	private static Map<String, String> errors(InvalidInputException ex) {
		var errors = new LinkedHashMap<String, String>();
		ex.errors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
		return errors;
	}

}
