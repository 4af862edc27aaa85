package com.trellis.cosell;

import org.springframework.ui.Model;

/**
 * A refused co-sell ask keeps what was typed (s56: the panel came back empty and the
 * message was lost). The ask forms post to the page, which redirects to the account or
 * deal page with the typed fields flashed under {@link #FLASH}; that page loads its
 * co-sell panel with them as {@code ask} and {@code askPartner}, and the panel fills the
 * ask field of that partner's row ({@code typedAsk}, {@code typedPartner}).
 */
final class TypedAsk {

	/** The flash attribute holding the refused ask's fields. */
	static final String FLASH = "cosellTyped";

	private TypedAsk() {
	}

	/**
	 * Puts the typed ask into the panel's model; a partner id that is no number is none.
	 */
	static void show(Model model, String ask, String askPartner) {
		model.addAttribute("typedAsk", ask);
		model.addAttribute("typedPartner", askPartner != null && askPartner.strip().matches("[0-9]{1,18}")
				? Long.valueOf(askPartner.strip()) : null);
	}

}
