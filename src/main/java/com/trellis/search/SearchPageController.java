package com.trellis.search;

import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The search page behind the navigation's search box, and the partner suggestions of the
 * registration form's partner box (an htmx fragment; without JavaScript the box is a
 * plain input the form checks).
 */
@Controller
class SearchPageController {

	private final Search search;

	SearchPageController(Search search) {
		this.search = search;
	}

	@GetMapping("/search")
	String page(Viewer viewer, @RequestParam(required = false) String q, Model model, HttpServletResponse response) {
		model.addAttribute("q", q == null ? "" : q);
		if (q != null) {
			try {
				model.addAttribute("results", this.search.find(viewer, q));
			}
			catch (InvalidInputException ex) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("errors", FormErrors.of(ex));
			}
		}
		return "search/page";
	}

	@GetMapping("/search/partners")
	String partnerSuggestions(Viewer viewer, @RequestParam(required = false) String partnerName, Model model) {
		var terms = SearchTerms.of(partnerName);
		model.addAttribute("suggestions",
				terms.refused() ? java.util.List.of() : this.search.registrablePartners(viewer, partnerName));
		return "search/partner-suggestions :: options";
	}

}
