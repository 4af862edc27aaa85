package com.trellis.accounts;

import java.io.IOException;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.IfMatch;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts")
@PreAuthorize("!hasRole('PARTNER')")
@Tag(name = "Accounts", description = "Customer and prospect accounts (vendor staff only)")
class AccountApiController {

	private final Accounts accounts;

	AccountApiController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	PageResult<AccountView> list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) String industry, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.accounts.search(viewer, q, industry, ownerId, PageRequest.of(page, size));
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping(value = "/export.csv", produces = "text/csv")
	@Operation(summary = "The accounts list as CSV in the Trellis account format (re-imports unchanged)",
			description = "Columns id, name, web_domain, industry, employee_band, owner_ae_id, country; the list's "
					+ "filters q, industry and ownerId apply. POST the file to /api/v1/imports/trellis/accounts "
					+ "(admins) to import it back; see docs/import.md.")
	void export(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) String industry, @RequestParam(required = false) Long ownerId,
			HttpServletResponse response) throws IOException {
		AccountExport.write(this.accounts, viewer, q, industry, ownerId, response);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A account",
			description = "Answers the account's version as its ETag; send it back in If-Match "
					+ "on PUT to have a change made meanwhile refused.")
	AccountView get(Viewer viewer, @PathVariable long id, jakarta.servlet.http.HttpServletResponse response) {
		return IfMatch.read(response, () -> this.accounts.get(viewer, id), () -> this.accounts.version(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	AccountView create(Viewer viewer, @Valid @RequestBody AccountCommand command) {
		return this.accounts.create(viewer, command);
	}

	@PutMapping("/{id}")
	@ApiResponse(responseCode = "200", description = "Saved")
	@ApiResponse(responseCode = "412",
			description = "If-Match named a version the account has moved on from; nothing changed (read it again)",
			content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	@ActsOn(AccountChecks.Editable.class)
	AccountView update(Viewer viewer, @PathVariable long id, @Valid @RequestBody AccountCommand command, @Parameter(
			description = "the ETag the account's GET answered: refused with 412 when the account changed since; "
					+ "without it the update is not checked") @RequestHeader(name = IfMatch.HEADER,
							required = false) String ifMatch,
			jakarta.servlet.http.HttpServletResponse response) {
		return IfMatch.update(response, ifMatch, seen -> this.accounts.update(viewer, id, command, seen),
				() -> this.accounts.get(viewer, id), () -> this.accounts.version(id));
	}

}
