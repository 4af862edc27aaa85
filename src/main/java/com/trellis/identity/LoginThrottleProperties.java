package com.trellis.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in attempts are slowed down (see {@link SignInDelay}).
 *
 * @param freeFailures failures an address may make on an account before it must wait
 * @param baseDelay the first wait, doubled with each further failure
 * @param maxDelay the longest wait
 * @param accountAlarm failures on an account from other addresses after which every
 * address has only one free failure
 * @param forgetAfter failures are forgotten (and their rows deleted) after this long
 * without a new one
 */
@ConfigurationProperties("trellis.security.login-throttle")
record LoginThrottleProperties(@DefaultValue("5") int freeFailures, @DefaultValue("5s") Duration baseDelay,
		@DefaultValue("15m") Duration maxDelay, @DefaultValue("20") int accountAlarm,
		@DefaultValue("24h") Duration forgetAfter) {

	LoginThrottleProperties {
		if (forgetAfter.compareTo(maxDelay) < 0) {
			throw new IllegalArgumentException(
					"trellis.security.login-throttle.forget-after must not be shorter than max-delay");
		}
	}

	SignInDelay delay() {
		return new SignInDelay(this.freeFailures, this.baseDelay, this.maxDelay, this.accountAlarm);
	}

}
