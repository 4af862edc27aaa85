package com.trellis.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Post-redirect-get for page forms: runs the action, flashes a notice on success or the
 * field-by-field error on bad input or a conflicting change, and redirects back to the
 * page.
 */
public final class FormAction {

	private FormAction() {
	}

	public static String run(RedirectAttributes redirect, String target, String done, Runnable action) {
		try {
			action.run();
			if (done != null) {
				redirect.addFlashAttribute("notice", done);
			}
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:" + target;
	}

}
