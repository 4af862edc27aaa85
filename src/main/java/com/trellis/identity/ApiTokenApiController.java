package com.trellis.identity;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists, names and revokes personal API tokens. Tokens are issued on the tokens page
 * only, after a password sign-in, so that a leaked token cannot mint others.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens")
class ApiTokenApiController {

	private final ApiTokens tokens;

	ApiTokenApiController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	@Operation(summary = "The caller's tokens (an admin may name another user), never their secrets")
	@ActsOn(value = TokenChecks.Lister.class, from = ActsOn.From.BODY, key = "userId")
	List<TokenView> list(Viewer viewer, @RequestParam(required = false) Long userId) {
		return this.tokens.list(viewer, userId);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Renames one of the caller's tokens")
	@ActsOn(TokenChecks.Named.class)
	TokenView rename(Viewer viewer, @PathVariable long id, @RequestBody TokenName body) {
		return this.tokens.rename(viewer, id, body.name());
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "Revokes a token of the caller (an admin: anyone's); it is refused from then on")
	@ActsOn(TokenChecks.Visible.class)
	TokenView revoke(Viewer viewer, @PathVariable long id) {
		return this.tokens.revoke(viewer, id);
	}

	record TokenName(String name) {
	}

}
