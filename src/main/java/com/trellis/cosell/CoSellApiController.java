package com.trellis.cosell;

import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Co-sell requests", description = "The field asks a partner for help on a deal; the partner answers")
class CoSellApiController {

	private final CoSellRequests requests;

	CoSellApiController(CoSellRequests requests) {
		this.requests = requests;
	}

	@PostMapping("/api/v1/opportunities/{id}/cosell-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'AE', 'SALES_MANAGER')")
	@ActsOn(value = CoSellChecks.Requested.class, from = ActsOn.From.BODY, key = "partnerId")
	CoSellRequest request(Viewer viewer, @PathVariable long id, @RequestBody RequestCoSell command) {
		return this.requests.request(viewer, id, command);
	}

	@GetMapping("/api/v1/opportunities/{id}/cosell-requests")
	List<CoSellRequest> ofDeal(Viewer viewer, @PathVariable long id) {
		return this.requests.ofDeal(viewer, id);
	}

	@PostMapping("/api/v1/cosell-requests/{id}/answer")
	@PreAuthorize("hasRole('PARTNER')")
	@ActsOn(CoSellChecks.Answered.class)
	CoSellRequest answer(Viewer viewer, @PathVariable long id, @RequestBody AnswerCoSell command) {
		return this.requests.answer(viewer, id, command);
	}

	@GetMapping("/api/v1/cosell-requests")
	PageResult<CoSellRequest> list(Viewer viewer, @RequestParam(required = false) CoSellStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.requests.list(viewer, status, PageRequest.of(page, size));
	}

}
