package com.trellis.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a message as the Standard Webhooks specification says: the secret is
 * {@code whsec_} followed by the base64 of random key bytes; the signature is {@code v1,}
 * followed by the base64 of the HMAC-SHA256, under those key bytes, of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
final class WebhookSignature {

	static final String SECRET_PREFIX = "whsec_";

	private static final int KEY_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	/** A new secret with 32 random key bytes. */
	static String newSecret() {
		var key = new byte[KEY_BYTES];
		RANDOM.nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** The {@code webhook-signature} header value for a message sent at a second. */
	static String sign(String secret, String messageId, long timestampSeconds, String body) {
		var key = Base64.getDecoder().decode(secret.startsWith(SECRET_PREFIX) ? secret.substring(6) : secret);
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			var signed = mac
				.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
