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

	/**
	 * Only an admin lists another user's tokens ({@link ApiTokens#list}): a
	 * {@code userId} other than the viewer's own, or one that is no number, refuses
	 * anyone else before it is read (an admin's unreadable one is named afterwards).
	 */
	@Component
	static class Lister implements AccessCheck {

		@Override
		public void check(Viewer viewer, Request request) {
			if (!viewer.is(Role.ADMIN) && request.namesOtherThan(viewer.userId())) {
				throw new org.springframework.security.access.AccessDeniedException(ApiTokens.OTHERS_TOKENS);
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
