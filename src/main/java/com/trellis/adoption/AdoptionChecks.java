package com.trellis.adoption;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The adoption rule an operation names with {@link com.trellis.identity.ActsOn}, so it
 * decides before the operation's input is bound.
 */
final class AdoptionChecks {

	private AdoptionChecks() {
	}

	/**
	 * The sales manager of the deal's owner prompts on it
	 * ({@link Adoption#requirePrompter}).
	 */
	@Component
	static class Prompter implements AccessCheck {

		private final Adoption adoption;

		Prompter(Adoption adoption) {
			this.adoption = adoption;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.adoption.requirePrompter(viewer, id);
			}
		}

	}

}
