package com.trellis.notify;

import com.trellis.identity.Viewer;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page of a member of the vendor's staff the number of their unread notices,
 * shown beside the inbox link of the navigation; not counted for a handler that answers
 * with its body, such as the API's ({@link com.trellis.shared.PageModel#forPage}).
 */
@ControllerAdvice(annotations = Controller.class)
class InboxAdvice implements com.trellis.shared.PageModel {

	private final StaffNotices notices;

	InboxAdvice(StaffNotices notices) {
		this.notices = notices;
	}

	@Override
	public java.util.Map<String, Object> attributes() {
		var unread = unreadNotices();
		return unread == null ? java.util.Map.of() : java.util.Map.of("unreadNotices", unread);
	}

	@ModelAttribute("unreadNotices")
	Long unreadNoticesOfPage() {
		return com.trellis.shared.PageModel.forPage() ? unreadNotices() : null;
	}

	/** The signed-in member of staff's unread notices; null for anyone else. */
	Long unreadNotices() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof Viewer.Holder principal)
				|| principal.viewer().isPartnerUser()) {
			return null;
		}
		return this.notices.unread(principal.viewer());
	}

}
