package com.trellis.identity;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;

/**
 * The page for a single-use link that no longer opens: it says why (used, withdrawn,
 * expired or unknown) instead of showing an error. Answered with 410 for a link that did
 * exist and 404 for one that never did.
 */
public final class LinkPages {

	private LinkPages() {
	}

	public static String refused(OneTimeLink.State state, Model model, HttpServletResponse response) {
		response.setStatus(
				state == OneTimeLink.State.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
		model.addAttribute("linkState", state);
		return "identity/link";
	}

}
