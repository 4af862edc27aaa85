package com.trellis.shared;

import java.io.Serializable;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Post-redirect-get for page forms: runs the action, flashes a notice on success, the
 * field-by-field error on bad input, or what the record's current state refused
 * ({@link ConflictException}: approved already, changed meanwhile), and redirects back to
 * the page. A form bound to a validated command flashes its field errors
 * ({@code fieldErrors}) and the values entered ({@code form}), so the page shows each
 * message next to its field and nothing is written. Flash attributes live in the session,
 * which is stored in the database and read by any instance: what is flashed is
 * {@link Serializable}. Refused, every form's fields come back as typed
 * ({@link RefusedForm}).
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
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.readable());
			redirect.addFlashAttribute("fieldErrors", FormErrors.of(ex));
			keepTyped(redirect);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", ex.readable());
			keepTyped(redirect);
		}
		return "redirect:" + target;
	}

	/**
	 * Passes what a refusal flashed ({@code names}, with {@code extra}) on to a panel the
	 * page loads by a request of its own ({@code panelPath}, without the context path):
	 * the page's flash attributes reach only the page. Does nothing when nothing was
	 * refused.
	 */
	public static void alsoToPanel(RedirectAttributes redirect, String panelPath, java.util.Map<String, ?> extra,
			String... names) {
		var flashed = redirect.getFlashAttributes();
		if (!flashed.containsKey("error") || !(org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes current)) {
			return;
		}
		var panel = new org.springframework.web.servlet.FlashMap();
		panel.putAll(extra);
		for (var name : names) {
			if (flashed.get(name) != null) {
				panel.put(name, flashed.get(name));
			}
		}
		var request = current.getRequest();
		panel.setTargetRequestPath(request.getContextPath() + panelPath);
		org.springframework.web.servlet.support.RequestContextUtils.getFlashMapManager(request)
			.saveOutputFlashMap(panel, request, current.getResponse());
	}

	/**
	 * After
	 * {@link #run(RedirectAttributes, String, String, Serializable, BindingResult, Runnable, Runnable)}
	 * of a settings form ({@link SettingVersions}): when its values were refused, the
	 * version it was opened on ({@code seenVersion}) goes back with them, so that the
	 * corrected form cannot overwrite a save made meanwhile. Answers {@code target}.
	 */
	public static String keepingVersion(RedirectAttributes redirect, String version, String target) {
		if (version != null && redirect.getFlashAttributes().containsKey("fieldErrors")) {
			redirect.addFlashAttribute("seenVersion", version);
		}
		return target;
	}

	/** The refused form's fields as typed ({@link RefusedForm}), for the page. */
	private static void keepTyped(RedirectAttributes redirect) {
		var form = RefusedForm.ofCurrentRequest();
		if (form != null) {
			redirect.addFlashAttribute("refusedForm", form);
		}
	}

	/**
	 * A form's fields as typed, for a page that shows them beside a bound form's errors:
	 * names and values in turn, a value null when not sent.
	 */
	public static java.util.Map<String, String> typed(String... namesAndValues) {
		var typed = new java.util.HashMap<String, String>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			typed.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return typed;
	}

	/**
	 * Runs the action only when the bound command is valid. When it is not, the command's
	 * own checks ({@code checks}, which must change nothing) run on what could be read,
	 * so that every bad field is named in one round; the page gets the field errors
	 * ({@code fieldErrors}), the command ({@code form}) and the text typed into fields
	 * that could not be read ({@code typed}).
	 */
	public static String run(RedirectAttributes redirect, String target, String done, Serializable form,
			BindingResult binding, Runnable checks, Runnable action) {
		return run(redirect, target, done, "form", form, binding, checks, action);
	}

	/**
	 * As
	 * {@link #run(RedirectAttributes, String, String, Serializable, BindingResult, Runnable, Runnable)},
	 * with the command flashed under its own name ({@code formName}), for a page that
	 * shows another form as {@code form}.
	 */
	public static String run(RedirectAttributes redirect, String target, String done, String formName,
			Serializable form, BindingResult binding, Runnable checks, Runnable action) {
		if (binding.hasErrors()) {
			var errors = FormErrors.of(binding, checks);
			redirect.addFlashAttribute("error", FormErrors.summary(errors));
			redirect.addFlashAttribute("fieldErrors", errors);
			redirect.addFlashAttribute(formName, form);
			redirect.addFlashAttribute("typed", FormErrors.typed(binding));
			return "redirect:" + target;
		}
		try {
			action.run();
			if (done != null) {
				redirect.addFlashAttribute("notice", done);
			}
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.readable());
			redirect.addFlashAttribute("fieldErrors", FormErrors.of(ex));
			redirect.addFlashAttribute(formName, form);
		}
		catch (ConflictException ex) {
			// the record's state refused it (approved already, say): said, not shown as a
			// field to correct
			redirect.addFlashAttribute("error", ex.readable());
		}
		return "redirect:" + target;
	}

}
