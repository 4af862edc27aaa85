package com.trellis.credit;

import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.BodyChecks;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Credit disputes", description = "Change a partner deal's credit only through a decided dispute")
class CreditApiController {

	private final CreditDisputes disputes;

	CreditApiController(CreditDisputes disputes) {
		this.disputes = disputes;
	}

	@PostMapping("/api/v1/opportunities/{id}/credit-disputes")
	@ResponseStatus(HttpStatus.CREATED)
	@ActsOn(CreditChecks.Raised.class)
	CreditDispute raise(Viewer viewer, @PathVariable long id, @Valid @RequestBody RaiseDispute command,
			BindingResult binding) {
		// every bad field in one round: the body's and the dispute's own checks
		BodyChecks.require(binding, () -> this.disputes.check(viewer, id, command));
		return this.disputes.raise(viewer, id, command);
	}

	@GetMapping("/api/v1/opportunities/{id}/credit-disputes")
	List<CreditDispute> list(Viewer viewer, @PathVariable long id) {
		return this.disputes.ofDeal(viewer, id);
	}

	@PostMapping("/api/v1/credit-disputes/{id}/decision")
	@ActsOn(CreditChecks.Decided.class)
	CreditDispute decide(Viewer viewer, @PathVariable long id, @RequestBody Decision decision) {
		return this.disputes.decide(viewer, id, decision.uphold(), decision.reason());
	}

	record Decision(boolean uphold, String reason) {
	}

}
