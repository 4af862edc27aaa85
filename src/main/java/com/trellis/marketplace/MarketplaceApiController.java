package com.trellis.marketplace;

import com.trellis.identity.Viewer;
import com.trellis.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Marketplace transactions as the viewer may read them; imported through
 * {@code POST /api/v1/imports/trellis/marketplace} and exported in that format at
 * {@code /api/v1/marketplace/transactions.csv}.
 */
@Tag(name = "Marketplace", description = "Partners' marketplace transactions (§C18)")
@RestController
class MarketplaceApiController {

	private final Marketplace marketplace;

	MarketplaceApiController(Marketplace marketplace) {
		this.marketplace = marketplace;
	}

	@GetMapping("/api/v1/marketplace/transactions")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM', 'PARTNER')")
	@Operation(summary = "Marketplace transactions, oldest first: a partner user its own partner's, a PAM its book's, "
			+ "admins and executives all; partner= one partner (404 when not yours to read)")
	PageResult<MarketplaceTransaction> transactions(Viewer viewer, @RequestParam(required = false) Long partner,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.marketplace.transactions(viewer, partner, page, size);
	}

}
