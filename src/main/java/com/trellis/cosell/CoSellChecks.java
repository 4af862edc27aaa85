package com.trellis.cosell;

import java.util.Map;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerMapping;

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
			var deal = pathId("id");
			if (deal != null) {
				this.requests.requireRequests(viewer, deal, request.id("partnerId"));
			}
		}

		private static Long pathId(String name) {
			var variables = RequestContextHolder.currentRequestAttributes()
				.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
			if (variables instanceof Map<?, ?> map && map.get(name) instanceof String text
					&& text.matches("[0-9]{1,18}")) {
				return Long.valueOf(text);
			}
			return null;
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

		AskedFromAccount(CoSellRequests requests) {
			this.requests = requests;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var deal = request.id("opportunityId");
			if (deal != null) {
				this.requests.requireRequests(viewer, deal, request.id("partnerId"));
			}
		}

	}

	/** An account page's attach form names the deal: who may put a partner on it. */
	@Component
	static class AttachedFromAccount implements AccessCheck {

		private final com.trellis.deals.AttachPartner attach;

		AttachedFromAccount(com.trellis.deals.AttachPartner attach) {
			this.attach = attach;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var deal = request.id("opportunityId");
			if (deal != null) {
				this.attach.requireAttaches(viewer, deal);
			}
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
