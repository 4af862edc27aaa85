package com.trellis.shared;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page form refused by a conflicting change names the field by its words, as bad input
 * does: a German PAM's second open plan for an account read "accountId: the partner has
 * an open plan for this account already" (try27).
 */
class FormActionConflictTests {

	@Test
	void aConflictOnAPageFormNamesTheFieldInWords() {
		var redirect = new RedirectAttributesModelMap();
		var target = FormAction.run(redirect, "/account-plans", "Account plan created", () -> {
			throw new ConflictException("accountId", "the partner has an open plan for this account already");
		});
		assertThat(target).isEqualTo("redirect:/account-plans");
		assertThat(redirect.getFlashAttributes().get("error"))
			.isEqualTo("Account: the partner has an open plan for this account already");
		assertThat(redirect.getFlashAttributes()).doesNotContainKey("notice");
	}

	@Test
	void theApiKeepsTheFieldName() {
		var ex = new ConflictException("accountId", "the partner has an open plan for this account already");
		assertThat(ex.getBody().getDetail()).startsWith("accountId: ");
		assertThat(ex.readable()).isEqualTo("Account: the partner has an open plan for this account already");
	}

}
