package com.trellis.incentives;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.FormFields;
import com.trellis.shared.FormOnce;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.TypedAmounts;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's page to define an incentive program, with the fields of its kind, checked
 * as {@code POST /api/v1/incentive-programs} checks them (the same rules name the same
 * fields) and audited as it is. Tiers are typed one per line as {@code threshold: value}.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ProgramFormController {

	private final Incentives incentives;

	private final ProgramChecks checks;

	private final FormOnce once;

	ProgramFormController(Incentives incentives, ProgramChecks checks, FormOnce once) {
		this.incentives = incentives;
		this.checks = checks;
		this.once = once;
	}

	@GetMapping("/incentives/programs/new")
	String form(Model model) {
		return form(model, ProgramForm.empty(), Map.of());
	}

	/**
	 * Creates the program once per form shown ({@link FormOnce}): the same form sent
	 * again (a second click, Back and send) creates no second program, which would earn
	 * again.
	 */
	@PostMapping("/incentives/programs/new")
	String create(Viewer viewer, @ModelAttribute("form") ProgramForm form,
			@RequestParam(name = FormOnce.FIELD, required = false) String once, Model model,
			RedirectAttributes redirect) {
		try {
			var created = new String[1];
			var sent = this.once.send(once, viewer.userId(), () -> {
				created[0] = this.incentives.createProgram(viewer, command(form)).name();
				return "/incentives";
			});
			redirect.addFlashAttribute("notice", sent.notice("Program " + created[0] + " created"));
			return "redirect:" + sent.target();
		}
		catch (InvalidInputException ex) {
			return form(model, form, FormErrors.of(ex));
		}
	}

	private ProgramCommand command(ProgramForm form) {
		var fields = new FormFields();
		var kind = fields.choice("kind", form.kind(), ProgramKind.class);
		var lines = new ArrayList<Integer>();
		var command = new ProgramCommand(form.name(), kind, currency(form), fields.date("startsOn", form.startsOn()),
				fields.date("endsOn", form.endsOn()),
				(kind == null) ? Map.of() : params(kind, form, currency(form), fields, lines));
		fields.check(() -> {
			try {
				this.checks.check(command, false);
			}
			catch (InvalidInputException ex) {
				throw typedLines(ex, lines);
			}
		});
		return command;
	}

	private static final java.util.regex.Pattern TIER = java.util.regex.Pattern.compile("^params\\.tiers\\[(\\d+)\\]");

	/**
	 * The command's errors with each tier named by the line it was typed on: the command
	 * holds only the readable lines, so its {@code params.tiers[1]} may be the fourth
	 * line (try12: a bad or blank line moved every later error up a line).
	 */
	private static InvalidInputException typedLines(InvalidInputException ex, List<Integer> lines) {
		return new InvalidInputException(ex.errors().stream().map(error -> {
			var tier = TIER.matcher(error.field());
			if (!tier.find() || Integer.parseInt(tier.group(1)) >= lines.size()) {
				return error;
			}
			return new InvalidInputException.FieldError(
					tier.replaceFirst("params.tiers[" + lines.get(Integer.parseInt(tier.group(1))) + "]"),
					error.message());
		}).toList());
	}

	private static String currency(ProgramForm form) {
		return com.trellis.shared.validation.CurrencyRule.normalized(form.currency());
	}

	/**
	 * The parameters of the kind, as the API's body would carry them. A money amount (a
	 * SPIFF's bonus, a tier's threshold, an MDF tier's fund value) typed ambiguously for
	 * the reader in the program's currency is refused naming it, as every money field is
	 * ({@link TypedAmounts}); a rebate tier's value is a percent.
	 */
	private static Map<String, Object> params(ProgramKind kind, ProgramForm form, String currency, FormFields fields,
			List<Integer> lines) {
		var params = new LinkedHashMap<String, Object>();
		switch (kind) {
			case REFERRAL -> {
				put(params, "sourcedPercent", form.sourcedPercent());
				put(params, "influencedPercent", form.influencedPercent());
				put(params, "coSellPercent", form.coSellPercent());
			}
			case FAST_START_SPIFF -> {
				amount(fields, "params.bonus", form.bonus(), currency);
				put(params, "bonus", form.bonus());
				put(params, "firstDeals", form.firstDeals());
				put(params, "withinDays", form.withinDays());
			}
			default -> params.put("tiers", tiers(form.tiers(), kind == ProgramKind.MDF, currency, fields, lines));
		}
		return params;
	}

	private static void put(Map<String, Object> params, String name, String value) {
		if (value != null && !value.isBlank()) {
			params.put(name, typed(value));
		}
	}

	/**
	 * A number as the reader typed it ("2,5" for a German reader), as the number the API
	 * takes; text that is no number stays as typed, for the API's checks to name its
	 * field.
	 */
	private static Object typed(String value) {
		var number = new FormFields().decimal("value", value);
		return (number == null) ? value.strip() : number;
	}

	private static void amount(FormFields fields, String field, String typed, String currency) {
		TypedAmounts.ambiguityOfText(typed, currency).ifPresent(problem -> fields.reject(field, problem));
	}

	/**
	 * The tiers of the readable lines, each error named by the line as typed (counted
	 * from the first, blank lines too); {@code typed} gets each tier's line.
	 */
	private static List<Map<String, Object>> tiers(String text, boolean fundValues, String currency, FormFields fields,
			List<Integer> typed) {
		var tiers = new ArrayList<Map<String, Object>>();
		if (text == null) {
			return tiers;
		}
		var lines = text.lines().map(String::strip).toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).isEmpty()) {
				continue;
			}
			var parts = lines.get(i).split(":", -1);
			if (parts.length != 2) {
				fields.reject("params.tiers[" + i + "]", "write each tier as threshold: value, such as 100000: 2");
				continue;
			}
			amount(fields, "params.tiers[" + i + "].threshold", parts[0], currency);
			if (fundValues) {
				amount(fields, "params.tiers[" + i + "].value", parts[1], currency);
			}
			var tier = new LinkedHashMap<String, Object>();
			tier.put("threshold", typed(parts[0]));
			tier.put("value", typed(parts[1]));
			tiers.add(tier);
			typed.add(i);
		}
		return tiers;
	}

	private String form(Model model, ProgramForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", ProgramKind.values());
		return "incentives/program-form";
	}

	/** The program form as typed; only the fields of the chosen kind are read. */
	record ProgramForm(String name, String kind, String currency, String startsOn, String endsOn, String sourcedPercent,
			String influencedPercent, String coSellPercent, String bonus, String firstDeals, String withinDays,
			String tiers) implements Serializable {

		static ProgramForm empty() {
			return new ProgramForm("", ProgramKind.REFERRAL.name(), "USD", "", "", "", "", "", "", "", "", "");
		}

	}

}
