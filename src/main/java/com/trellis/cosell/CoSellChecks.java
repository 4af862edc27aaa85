package com.trellis.cosell;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The co-sell rules an operation names with {@link com.trellis.identity.ActsOn}, so they
 * decide before its input is bound. Each delegates to the facade, which checks again.
 */
final class CoSellChecks {

	private CoSellChecks() {
	}

	/**
	 * Who may ask for help on the deal in the path, and a PAM only a partner of their
	 * book named in the body ({@link CoSellRequests#requireRequests}). It runs on the
	 * body's fields, so it reads the deal's id from the path variables of the request.
	 */
	@Component
	static class Requested implements AccessCheck {

		private final CoSellRequests requests;

		Requested(CoSellRequests requests) {
			this.requests = requests;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var deal = request.pathId("id");
			if (deal != null) {
				this.requests.requireRequests(viewer, deal, request.id("partnerId"));
			}
		}

	}

	/**
	 * Who may put a partner on the deal in the path
	 * ({@link com.trellis.deals.AttachPartner#requireAttaches}).
	 */
	@Component
	static class Attaches implements AccessCheck {

		private final com.trellis.deals.AttachPartner attach;

		Attaches(com.trellis.deals.AttachPartner attach) {
			this.attach = attach;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.attach.requireAttaches(viewer, id);
			}
		}

	}

	/**
	 * An account page's forms name the deal in the form: who may ask a partner for help
	 * on it (and a PAM only a partner of the book).
	 */
	@Component
	static class AskedFromAccount implements AccessCheck {

		private final CoSellRequests requests;

		private final com.trellis.accounts.Accounts accounts;

		AskedFromAccount(CoSellRequests requests, com.trellis.accounts.Accounts accounts) {
			this.requests = requests;
			this.accounts = accounts;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var deal = request.id("opportunityId");
			if (deal != null) {
				this.requests.requireRequests(viewer, deal, request.id("partnerId"));
			}
			else {
				// no deal named: the account's owner side (a PAM's reach is its
				// partner's,
				// decided with the deal)
				requireAccountOwnerSide(this.accounts, viewer, request);
			}
		}

	}

	/** An account page's attach form names the deal: who may put a partner on it. */
	@Component
	static class AttachedFromAccount implements AccessCheck {

		private final com.trellis.deals.AttachPartner attach;

		private final com.trellis.accounts.Accounts accounts;

		AttachedFromAccount(com.trellis.deals.AttachPartner attach, com.trellis.accounts.Accounts accounts) {
			this.attach = attach;
			this.accounts = accounts;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var deal = request.id("opportunityId");
			if (deal != null) {
				this.attach.requireAttaches(viewer, deal);
			}
			else {
				requireAccountOwnerSide(this.accounts, viewer, request);
			}
		}

	}

	/**
	 * An account page's form that names no deal (s59: an AE on another rep's account was
	 * told to choose a deal, 400, before any role check): the account's owner side
	 * ({@link com.trellis.accounts.Accounts#requireEditable}) or a PAM, else refused.
	 */
	static void requireAccountOwnerSide(com.trellis.accounts.Accounts accounts, Viewer viewer,
			AccessCheck.Request request) {
		var account = request.pathId("id");
		if (account != null && !viewer.is(com.trellis.identity.Role.PAM)) {
			accounts.requireEditable(viewer, account);
		}
	}

	/** Only the partner asked answers ({@link CoSellRequests#requireAnswers}). */
	@Component
	static class Answered implements AccessCheck {

		private final CoSellRequests requests;

		Answered(CoSellRequests requests) {
			this.requests = requests;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.requests.requireAnswers(viewer, id);
			}
		}

	}

}
