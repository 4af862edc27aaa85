package com.trellis.shared;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A request the firewall refuses while its parameters are read is named by what actually
 * held the control character: the parameter whose value did, or "a parameter name" when a
 * name did (edge27: a refused value was told its name held a control character).
 */
class FirewallRefusalNamingTest {

	@Test
	void aRefusedParameterValueNamesItsParameterNotAName() {
		var firewall = new StrictHttpFirewall();
		firewall.setAllowedParameterValues(value -> value.indexOf('\u0007') < 0);
		var request = new MockHttpServletRequest("GET", "/api/v1/partners");
		request.addParameter("q", "a\u0007b");
		var refused = catchThrowableOfType(InvalidInputException.class,
				() -> TextGuard.parameters(firewall.getFirewalledRequest(request)));
		assertThat(refused.errors()).singleElement().satisfies(error -> {
			assertThat(error.field()).isEqualTo("q");
			assertThat(error.message()).contains("control character").doesNotContain("name");
		});
	}

	@Test
	void aRefusedParameterNameIsToldItsNameHoldsTheControlCharacter() {
		var request = new MockHttpServletRequest("GET", "/api/v1/partners");
		request.addParameter("a\u0001b", "1");
		var refused = catchThrowableOfType(InvalidInputException.class,
				() -> TextGuard.parameters(new StrictHttpFirewall().getFirewalledRequest(request)));
		assertThat(refused.errors()).singleElement().satisfies(error -> {
			assertThat(error.field()).isEqualTo("request");
			assertThat(error.message()).contains("parameter name holds a control character");
		});
	}

}
