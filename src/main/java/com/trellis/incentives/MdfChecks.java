package com.trellis.incentives;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The MDF rules an operation names with {@link com.trellis.identity.ActsOn}, so they
 * decide before its input is bound. Each delegates to the facade, which checks again when
 * it does the work.
 */
final class MdfChecks {

	private MdfChecks() {
	}

	/**
	 * A page's route names the request under its partner
	 * ({@code /partners/{id}/mdf-requests/{requestId}/...}): a request of another partner
	 * is not found there (the API's {@code /mdf-requests/{id}} names none).
	 */
	private static void underItsPartner(MarketDevelopmentFunds funds, Viewer viewer, AccessCheck.Request request,
			long id) {
		var partner = "id".equals(request.key()) ? null : request.id("id");
		if (partner != null) {
			funds.requireOfPartner(viewer, partner, id);
		}
	}

	/**
	 * The partner's PAM or a program admin decides an MDF request
	 * ({@link MarketDevelopmentFunds#requireDecides}).
	 */
	@Component
	static class Decided implements AccessCheck {

		private final MarketDevelopmentFunds funds;

		Decided(MarketDevelopmentFunds funds) {
			this.funds = funds;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.funds.requireDecides(viewer, id);
				underItsPartner(this.funds, viewer, request, id);
			}
		}

	}

	/**
	 * The partner (or a program admin) claims against an MDF request
	 * ({@link MarketDevelopmentFunds#requireClaims}).
	 */
	@Component
	static class Claimed implements AccessCheck {

		private final MarketDevelopmentFunds funds;

		Claimed(MarketDevelopmentFunds funds) {
			this.funds = funds;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.funds.requireClaims(viewer, id);
				underItsPartner(this.funds, viewer, request, id);
			}
		}

	}

}
