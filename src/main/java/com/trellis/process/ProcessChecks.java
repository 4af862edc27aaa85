package com.trellis.process;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The sales-process rule an operation names with {@link com.trellis.identity.ActsOn}, so
 * it decides before the operation's input is bound.
 */
final class ProcessChecks {

	private ProcessChecks() {
	}

	/**
	 * Whoever owns the deal's current stage acts on it
	 * ({@link SalesProcess#requireStageOwner}); a viewer who cannot see the deal gets
	 * 404.
	 */
	@Component
	static class StageOwner implements AccessCheck {

		private final SalesProcess process;

		StageOwner(SalesProcess process) {
			this.process = process;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.process.requireStageOwner(viewer, id);
			}
		}

	}

}
