package com.trellis.registration;

import java.util.Map;

import com.trellis.shared.FormFields;

/**
 * The rules of engagement as far as the page form's fields can be read: a field that
 * cannot is left empty, so that the rules' own range checks can still name every other
 * bad field in the same round.
 */
final class RulesForm {

	private RulesForm() {
	}

	static RegistrationRules readable(Map<String, String> form) {
		var fields = new FormFields();
		return new RegistrationRules(fields.whole("protectionDays", form.get("protectionDays")),
				fields.choice("laterRegistration", form.get("laterRegistration"),
						RegistrationRules.LaterRegistration.class),
				fields.whole("approvalSlaBusinessDays", form.get("approvalSlaBusinessDays")),
				fields.whole("extensionDays", form.get("extensionDays")),
				fields.decimal("sourcedShare", form.get("sourcedShare")),
				fields.decimal("influencedShare", form.get("influencedShare")),
				fields.decimal("coSellShare", form.get("coSellShare")));
	}

}
