package com.trellis.guidance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.ConflictException;
import com.trellis.shared.FormErrors;
import com.trellis.shared.FormFields;
import com.trellis.shared.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's page for the program's ideal customer profile: industries and countries one
 * a line, employee bands ticked. Bad values are shown next to their field with what was
 * typed, and nothing is saved.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class IcpPageController {

	private final ProgramIcp icp;

	IcpPageController(ProgramIcp icp) {
		this.icp = icp;
	}

	@GetMapping("/guidance/icp")
	String page(Viewer viewer, Model model) {
		var settings = this.icp.view(viewer);
		return page(model, settings, String.valueOf(this.icp.version()), String.join("\n", settings.industries()),
				settings.employeeBands(), String.join("\n", settings.countries()), Map.of());
	}

	@PostMapping("/guidance/icp")
	String save(Viewer viewer, @RequestParam(required = false) String industries,
			@RequestParam(required = false) List<String> employeeBands,
			@RequestParam(required = false) String countries, @RequestParam(required = false) String version,
			Model model, RedirectAttributes redirect) {
		var industryLines = lines(industries);
		var countryLines = lines(countries);
		try {
			this.icp.set(viewer, industryLines, employeeBands, countryLines, FormFields.seenVersionIfSent(version));
			redirect.addFlashAttribute("notice", "Ideal customer profile saved");
		}
		catch (InvalidInputException ex) {
			// shown again as typed, still against the version first read
			return page(model, this.icp.view(viewer), version, industries,
					employeeBands == null ? List.of() : employeeBands, countries,
					byList(ex, Map.of("industries", industryLines, "employeeBands",
							employeeBands == null ? List.of() : employeeBands, "countries", countryLines)));
		}
		catch (ConflictException ex) {
			// the current profile shown, with why this one was not saved
			redirect.addFlashAttribute("error", ex.readable());
		}
		return "redirect:/guidance/icp";
	}

	private static String page(Model model, ProgramIcp.Settings settings, String version, String industries,
			List<String> bands, String countries, Map<String, String> errors) {
		model.addAttribute("settings", settings);
		model.addAttribute("version", version);
		model.addAttribute("bands", Icp.BANDS);
		model.addAttribute("industries", industries == null ? "" : industries);
		model.addAttribute("chosenBands", bands);
		model.addAttribute("countries", countries == null ? "" : countries);
		model.addAttribute("errors", errors);
		return "guidance/icp";
	}

	/**
	 * The errors per list, each naming the value it is about ({@code industries[2]} is
	 * the third non-blank line), as the page shows them next to the list's field.
	 */
	private static Map<String, String> byList(InvalidInputException ex, Map<String, List<String>> typed) {
		var errors = new LinkedHashMap<String, String>();
		FormErrors.of(ex).forEach((field, message) -> {
			var list = field.contains("[") ? field.substring(0, field.indexOf('[')) : field;
			var text = message;
			if (field.contains("[")) {
				int index = Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
				var values = typed.getOrDefault(list, List.of());
				text = (index < values.size()
						? "'" + com.trellis.shared.validation.TextRule.quotable(values.get(index).strip()) + "' " : "")
						+ message;
			}
			errors.merge(list, text, (a, b) -> a + "; " + b);
		});
		return errors;
	}

	/** The non-blank lines of a text area, as the API's list (line n is index n-1). */
	private static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("\r\n|\r|\n")).filter(line -> !line.isBlank()).toList();
	}

}
