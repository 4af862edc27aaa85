package com.trellis.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import com.trellis.shared.OutboundUrlPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetRuleTest {

	private static final OutboundUrlPolicy.Resolver NOWHERE = host -> {
		throw new UnknownHostException(host);
	};

	private static final OutboundUrlPolicy.Resolver LOOPBACK = host -> List
		.of(InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }));

	@Test
	void aUrlThatSendingWouldRefuseIsRefusedWhenEnteredToo() {
		assertThat(WebhookTargetRule.decide("http://localhost.:9999/", false, LOOPBACK).reason())
			.contains("this server");
		assertThat(WebhookTargetRule.decide("http://vm:9999/", false, LOOPBACK).reason()).contains("loopback");
		assertThat(WebhookTargetRule.decide("http://vm:9999/", false, NOWHERE).reason()).contains("cannot be resolved");
	}

	@Test
	void anInternationalisedHostIsAHostAlsoWhenPrivateTargetsAreAllowed() {
		assertThat(WebhookTargetRule.decide("https://bücher.example/hook", true, NOWHERE).allowed()).isTrue();
		assertThat(WebhookTargetRule.decide("https://bücher.example/hook", false, NOWHERE).reason())
			.contains("cannot be resolved (xn--bcher-kva.example)");
	}

	@Test
	void aPortOutsideOneTo65535IsRefusedAlsoWhenPrivateTargetsAreAllowed() {
		for (boolean allowPrivate : new boolean[] { false, true }) {
			assertThat(WebhookTargetRule.decide("https://example.com:99999/", allowPrivate, NOWHERE).reason())
				.contains("invalid port (99999)");
			assertThat(WebhookTargetRule.decide("https://example.com:0/", allowPrivate, NOWHERE).reason())
				.contains("invalid port (0)");
		}
		assertThat(WebhookTargetRule.decide("https://example.com:8443/", true, NOWHERE).allowed()).isTrue();
	}

	@Test
	void loopbackAndPrivateTargetsAreRefusedUnlessAllowed() {
		assertThat(WebhookTargetRule.decide("http://localhost:8080/hook", false, NOWHERE).allowed()).isFalse();
		assertThat(WebhookTargetRule.decide("http://10.0.0.5/hook", false, NOWHERE).reason()).contains("private");
		assertThat(WebhookTargetRule.decide("http://localhost:8080/hook", true, NOWHERE).allowed()).isTrue();
	}

	@Test
	void aHostThatResolvesToAPrivateAddressIsRefusedBeforeSending() throws Exception {
		var privateAddress = InetAddress.getByAddress("hooks.example.com", new byte[] { 10, 1, 2, 3 });
		assertThat(WebhookTargetRule.decide("https://hooks.example.com/in", false, host -> List.of(privateAddress))
			.allowed()).isFalse();
		var publicAddress = InetAddress.getByAddress("hooks.example.com", new byte[] { 52, 1, 2, 3 });
		assertThat(WebhookTargetRule.decide("https://hooks.example.com/in", false, host -> List.of(publicAddress))
			.allowed()).isTrue();
	}

	@Test
	void evenWhenPrivateTargetsAreAllowedTheUrlMustBeHttpWithAHostAndNoCredentials() {
		assertThat(WebhookTargetRule.decide("ftp://localhost/hook", true, NOWHERE).reason()).contains("http");
		assertThat(WebhookTargetRule.decide("http://user:pw@localhost/hook", true, NOWHERE).allowed()).isFalse();
		assertThat(WebhookTargetRule.decide("not a url", true, NOWHERE).allowed()).isFalse();
		assertThat(WebhookTargetRule.decide("http:///hook", true, NOWHERE).allowed()).isFalse();
		assertThat(WebhookTargetRule.decide("", true, NOWHERE).allowed()).isFalse();
	}

}
