package com.trellis.webhooks;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetRuleTest {

	@Test
	void loopbackAndPrivateTargetsAreRefusedUnlessAllowed() {
		assertThat(WebhookTargetRule.whenEntered("http://localhost:8080/hook", false).allowed()).isFalse();
		assertThat(WebhookTargetRule.whenEntered("http://10.0.0.5/hook", false).reason()).contains("private");
		assertThat(WebhookTargetRule.whenEntered("http://localhost:8080/hook", true).allowed()).isTrue();
	}

	@Test
	void aHostThatResolvesToAPrivateAddressIsRefusedBeforeSending() throws Exception {
		var privateAddress = InetAddress.getByAddress("hooks.example.com", new byte[] { 10, 1, 2, 3 });
		assertThat(
				WebhookTargetRule.beforeSending("https://hooks.example.com/in", false, host -> List.of(privateAddress))
					.allowed())
			.isFalse();
		var publicAddress = InetAddress.getByAddress("hooks.example.com", new byte[] { 52, 1, 2, 3 });
		assertThat(
				WebhookTargetRule.beforeSending("https://hooks.example.com/in", false, host -> List.of(publicAddress))
					.allowed())
			.isTrue();
	}

	@Test
	void evenWhenPrivateTargetsAreAllowedTheUrlMustBeHttpWithAHostAndNoCredentials() {
		assertThat(WebhookTargetRule.whenEntered("ftp://localhost/hook", true).reason()).contains("http");
		assertThat(WebhookTargetRule.whenEntered("http://user:pw@localhost/hook", true).allowed()).isFalse();
		assertThat(WebhookTargetRule.whenEntered("not a url", true).allowed()).isFalse();
		assertThat(WebhookTargetRule.whenEntered("http:///hook", true).allowed()).isFalse();
		assertThat(WebhookTargetRule.whenEntered("", true).allowed()).isFalse();
	}

}
