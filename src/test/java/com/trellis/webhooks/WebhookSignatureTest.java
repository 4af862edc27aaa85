package com.trellis.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

	@Test
	void signsTheSpecificationsPublishedExampleAsItSays() {
		assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
				1614265330, "{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void aNewSecretIsWhsecWithThirtyTwoRandomBytesAndTheStandardLibraryVerifiesWhatItSigns() throws Exception {
		var secret = WebhookSignature.newSecret();
		assertThat(secret).startsWith("whsec_");
		assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);

		long now = Instant.now().getEpochSecond();
		var body = "{\"type\":\"deal.won\",\"data\":{\"name\":\"Zoë & Co\"}}";
		var headers = Map.of("webhook-id", List.of("msg_1"), "webhook-timestamp", List.of(String.valueOf(now)),
				"webhook-signature", List.of(WebhookSignature.sign(secret, "msg_1", now, body)));
		var verifier = new Webhook(secret);
		assertThatCode(() -> verifier.verify(body, headers)).doesNotThrowAnyException();
		assertThatThrownBy(() -> verifier.verify(body.replace("won", "lost"), headers))
			.hasMessageContaining("signature");
	}

}
