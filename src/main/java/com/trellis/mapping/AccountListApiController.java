package com.trellis.mapping;

import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.BodyTypes;
import com.trellis.shared.TextUpload;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Account mapping", description = "A partner's customer and prospect list, matched to the vendor's accounts")
class AccountListApiController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv");

	private final PartnerAccountLists lists;

	private final PossibleMatches possibles;

	AccountListApiController(PartnerAccountLists lists, PossibleMatches possibles) {
		this.lists = lists;
		this.possibles = possibles;
	}

	/**
	 * The PAM's answer to a possible match, {@code ?confirmed=true|false}; read as text
	 * so that who may answer is checked before the value.
	 */
	@PostMapping("/api/v1/partners/{id}/account-list/rows/{row}/answer")
	PartnerAccountView answer(Viewer viewer, @PathVariable long id, @PathVariable long row,
			@RequestParam(required = false) String confirmed) {
		return this.possibles.answer(viewer, id, row, confirmed);
	}

	/**
	 * Replaces the partner's list with the CSV in the body (text/csv, UTF-8); read as
	 * bytes so that a file that is not UTF-8 text is refused ({@link TextUpload#body}),
	 * never stored with its letters replaced. Another content type is a 415, after the
	 * owner check ({@link BodyTypes}).
	 */
	@PostMapping("/api/v1/partners/{id}/account-list")
	@ResponseStatus(HttpStatus.CREATED)
	@ActsOn(MappingChecks.OwnsList.class)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The list as CSV, UTF-8",
			content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
					@Content(mediaType = "text/plain", schema = @Schema(type = "string")) })
	AccountListUpload upload(Viewer viewer, @PathVariable long id, @RequestBody(required = false) byte[] csv,
			HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
		BodyTypes.require(request, CSV, MediaType.TEXT_PLAIN);
		return this.lists.upload(viewer, id, TextUpload.body(csv));
	}

	@GetMapping("/api/v1/partners/{id}/account-list")
	List<PartnerAccountView> current(Viewer viewer, @PathVariable long id) {
		return this.lists.current(viewer, id);
	}

	@GetMapping("/api/v1/partners/{id}/account-list/uploads")
	List<AccountListUpload> history(Viewer viewer, @PathVariable long id) {
		return this.lists.history(viewer, id);
	}

}
