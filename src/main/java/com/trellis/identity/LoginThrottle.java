package com.trellis.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks a sign-in name for a while after repeated wrong passwords, to slow down guessing.
 */
@Component
class LoginThrottle {

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	private final int maxFailures;

	private final Duration lockout;

	LoginThrottle(Clock clock, @Value("${trellis.security.max-failed-logins:5}") int maxFailures,
			@Value("${trellis.security.lockout:15m}") Duration lockout) {
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockout = lockout;
	}

	boolean isLocked(String username) {
		var entry = this.failures.get(key(username));
		return entry != null && entry.count() >= this.maxFailures
				&& entry.last().plus(this.lockout).isAfter(this.clock.instant());
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		var now = this.clock.instant();
		this.failures.compute(key(event.getAuthentication().getName()), (name, previous) -> {
			if (previous == null || previous.last().plus(this.lockout).isBefore(now)) {
				return new Failures(1, now);
			}
			return new Failures(previous.count() + 1, now);
		});
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		this.failures.remove(key(event.getAuthentication().getName()));
	}

	private static String key(String username) {
		return username == null ? "" : username.toLowerCase(Locale.ROOT);
	}

	private record Failures(int count, Instant last) {
	}

}
