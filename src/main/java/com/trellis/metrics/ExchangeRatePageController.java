package com.trellis.metrics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PlainDecimals;
import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.validation.CurrencyRule;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The exchange rates page ({@code /admin/exchange-rates}, program admins only): each
 * currency's rate to the reporting currency ({@link ReportingCurrency#CODE}), as the
 * KPIs, forecast and imports convert amounts with it; a form adds a rate or changes one,
 * through {@link ExchangeRates#set} as {@code PUT /api/v1/exchange-rates/{currency}} does
 * (same checks, same audit entry). A bad currency and a bad rate are each named beside
 * their field, both at once, with what was typed kept, and change nothing; a non-admin is
 * refused before the form is read.
 */
@Controller
class ExchangeRatePageController {

	private final ExchangeRates rates;

	ExchangeRatePageController(ExchangeRates rates) {
		this.rates = rates;
	}

	@GetMapping("/admin/exchange-rates")
	@PreAuthorize("hasRole('ADMIN')")
	String page(Model model) {
		return page(model, Map.of(), "", "");
	}

	@PostMapping("/admin/exchange-rates")
	@PreAuthorize("hasRole('ADMIN')")
	String set(Viewer viewer, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String toReporting, Model model) {
		var code = currency == null ? "" : CurrencyRule.normalized(currency.strip());
		var text = toReporting == null ? "" : toReporting.strip();
		// every bad field at once, each beside its own input
		var errors = new LinkedHashMap<String, String>();
		CurrencyRule.problem(code).ifPresent(problem -> errors.put("currency", problem));
		BigDecimal rate = null;
		if (PlainDecimals.hasExponent(text)) {
			errors.put("toReporting", PlainDecimals.EXPONENT_TEXT);
		}
		else {
			try {
				rate = text.isEmpty() ? null : new BigDecimal(text);
				CurrencyRule.rateProblem(rate).ifPresent(problem -> errors.put("toReporting", problem));
			}
			catch (NumberFormatException ex) {
				errors.put("toReporting", "must be a number like 0.095, not '" + text + "'");
			}
		}
		if (!errors.isEmpty()) {
			return page(model, errors, code, text);
		}
		try {
			this.rates.set(viewer, code, rate);
			return "redirect:/admin/exchange-rates?saved=" + code;
		}
		catch (InvalidInputException ex) {
			return page(model, FormErrors.of(ex), code, text);
		}
	}

	private String page(Model model, Map<String, String> errors, String currency, String toReporting) {
		model.addAttribute("rates", this.rates.all());
		model.addAttribute("reporting", ReportingCurrency.CODE);
		model.addAttribute("errors", errors);
		model.addAttribute("currency", currency);
		model.addAttribute("toReporting", toReporting);
		return "metrics/exchange-rates";
	}

}
