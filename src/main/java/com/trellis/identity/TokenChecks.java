package com.trellis.identity;

import org.springframework.stereotype.Component;

/**
 * The token rule an operation names with {@link ActsOn}, so it decides before the
 * operation's input is bound.
 */
final class TokenChecks {

	private TokenChecks() {
	}

	/** Its owner or an admin sees, and revokes, a token; others get 404. */
	@Component
	static class Visible implements AccessCheck {

		private final ApiTokens tokens;

		Visible(ApiTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.tokens.requireVisible(viewer, id);
			}
		}

	}

	/** Only its owner names a token ({@link ApiTokens#requireNames}). */
	@Component
	static class Named implements AccessCheck {

		private final ApiTokens tokens;

		Named(ApiTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.tokens.requireNames(viewer, id);
			}
		}

	}

}
