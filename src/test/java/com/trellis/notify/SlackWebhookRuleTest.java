package com.trellis.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlackWebhookRuleTest {

	@Test
	void acceptsASlackIncomingWebhook() {
		assertThat(SlackWebhookRule.check("https://hooks.slack.com/services/T000/B000/XXXXXXXX").allowed()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://hooks.slack.com/services/T000/B000/X",
			"https://hooks.slack.com:8443/services/T/B/X", "https://hooks.slack.com/workflows/T/B/X",
			"https://hooks.slack.com.evil.example/services/T/B/X", "https://example.com/services/T/B/X",
			"https://hooks.slack.com/services/../../api/x", "https://hooks.slack.com/services/T/B/x%00",
			"https://hooks.slack.com/services/T/B/x%2F..%2Fapi", "https://hooks.slack.com/services/",
			"https://hooks.slack.com/services/T//B", "https://hooks.slack.com/services/T/B/X?channel=x",
			"https://bücher.example/services/A1/B2", "https://hooks.sl\u0430ck.com/services/A1/B2",
			"https://hooks.\uff53\uff4c\uff41\uff43\uff4b.com/services/A1/B2" })
	void refusesAnythingElse(String url) {
		var decision = SlackWebhookRule.check(url);
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).contains("Slack incoming webhook");
	}

	@Test
	void refusesALoopbackUrlAsTheGeneralPolicyDoes() {
		assertThat(SlackWebhookRule.check("http://127.0.0.1:8080/hook").reason()).contains("loopback");
	}

	@Test
	void refusesAnOversizedSlackUrlByItsLength() {
		assertThat(SlackWebhookRule.check("https://hooks.slack.com/services/" + "x".repeat(3000)).reason())
			.contains("longer than 500");
	}

}
