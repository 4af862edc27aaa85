package com.trellis.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Profile", description = "The signed-in user's own settings")
class ReaderSettingsApiController {

	private final Readers readers;

	ReaderSettingsApiController(Readers readers) {
		this.readers = readers;
	}

	@GetMapping("/api/v1/me/reading")
	@Operation(summary = "The locale and time zone the signed-in user reads pages in (null: the program's)")
	ReaderSettings reading(Viewer viewer) {
		return this.readers.of(viewer);
	}

	@PutMapping("/api/v1/me/reading")
	@Operation(summary = "Replaces the locale and time zone the signed-in user reads pages in",
			description = "locale is one of en-US, en-GB, en-IN, de-DE, fr-FR, es-ES, it-IT, nl-NL, pt-BR, sv-SE, "
					+ "pl-PL, ja-JP; timeZone an IANA name such as Europe/Berlin; empty or null for the program's. "
					+ "Business rules (quarters, SLAs) stay in the program's business zone.")
	ReaderSettings change(Viewer viewer, @RequestBody(required = false) ReaderSettings settings) {
		return this.readers.change(viewer, settings);
	}

}
