package com.trellis.fit;

import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Partner fit", description = "Which partners fit a deal, from similar won deals and trust")
class FitApiController {

	private final PartnerFits fits;

	FitApiController(PartnerFits fits) {
		this.fits = fits;
	}

	/**
	 * The partners that fit the deal, best first, each with its similar won deals (named
	 * when the viewer may open them) and trust score. Vendor staff; 404 for a partner
	 * user.
	 */
	@GetMapping("/api/v1/opportunities/{id}/partner-fit")
	FitList forDeal(Viewer viewer, @PathVariable long id) {
		return this.fits.forDeal(viewer, id);
	}

}
