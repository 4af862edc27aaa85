package com.trellis.identity;

import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed: bcrypt ({@code {bcrypt}} prefix, as Spring Security's
 * default) with the cost {@code trellis.security.password-hash-cost} (log2 of the rounds,
 * 4–31; 10 unless set, as Spring Security's default). A stored hash is checked with the
 * cost it was made with, so changing the setting leaves every password valid. The tests
 * set 4: every sign-in and every user a test creates hashes a password, and at cost 10
 * each takes tens of milliseconds. Hashes of Spring Security's other formats (a different
 * prefix) are still recognised.
 */
final class PasswordHashing {

	static final String COST = "trellis.security.password-hash-cost";

	private PasswordHashing() {
	}

	static PasswordEncoder encoder(int cost) {
		if (cost < 4 || cost > 31) {
			throw new IllegalArgumentException(COST + " must be from 4 to 31, was " + cost);
		}
		var encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
		encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		return encoder;
	}

}
