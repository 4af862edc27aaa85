package com.trellis.cosell;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refused co-sell ask keeps what was typed (s56: the panel came back empty and the
 * message was lost). The ask forms post to the page, which redirects to the account or
 * deal page with the error; the typed fields wait in the session under that page's path
 * until its co-sell panel, loaded next, fills them into the row of the partner asked
 * ({@code typedAsk}, {@code typedPartner}, {@code typedDeal}) and forgets them. They are
 * not carried in the panel's address, which a long ask in a non-Latin script made too
 * long to load (414).
 */
final class TypedAsk {

	private static final String PREFIX = "trellis.cosellTyped:";

	private TypedAsk() {
	}

	/** Keeps the fields for the page at {@code path} when the ask was refused. */
	static void keepIfRefused(RedirectAttributes redirect, HttpSession session, String path, String partnerId,
			String ask, String opportunityId) {
		if (!redirect.getFlashAttributes().containsKey("error")) {
			return;
		}
		var typed = new HashMap<String, String>();
		typed.put("partnerId", partnerId);
		typed.put("ask", ask);
		typed.put("opportunityId", opportunityId);
		session.setAttribute(PREFIX + path, typed);
	}

	/** Puts what was kept for the page at {@code path} into the panel's model, once. */
	static void show(Model model, HttpSession session, String path) {
		@SuppressWarnings("unchecked")
		var typed = (Map<String, String>) session.getAttribute(PREFIX + path);
		if (typed == null) {
			return;
		}
		session.removeAttribute(PREFIX + path);
		model.addAttribute("typedAsk", typed.get("ask"));
		model.addAttribute("typedPartner", id(typed.get("partnerId")));
		model.addAttribute("typedDeal", id(typed.get("opportunityId")));
	}

	private static Long id(String value) {
		return value != null && value.strip().matches("[0-9]{1,18}") ? Long.valueOf(value.strip()) : null;
	}

}
