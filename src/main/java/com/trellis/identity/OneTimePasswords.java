package com.trellis.identity;

import java.security.SecureRandom;

/**
 * Random one-time passwords: 20 characters from an alphabet without look-alikes (no 0/O,
 * 1/l/I), about 115 bits, shown once and replaced by the user at the next sign-in.
 */
final class OneTimePasswords {

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom random = new SecureRandom();

	private OneTimePasswords() {
	}

	static String next() {
		var password = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
