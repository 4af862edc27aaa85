package com.trellis.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a client address must wait before it may try to sign in to an account again.
 * The first few failures from an address are free; after that each further attempt waits
 * twice as long as the one before, up to a maximum, counted from the last failure. The
 * wait belongs to the address, so failures from elsewhere never lock the owner out: they
 * only shrink the free failures of every other address to one (a small slow-down of the
 * whole account while it is being guessed at). Unknown e-mails are treated like known
 * ones.
 */
final class SignInDelay {

	private final int freeFailures;

	private final Duration baseDelay;

	private final Duration maxDelay;

	private final int accountAlarm;

	/**
	 * @param freeFailures failures an address may make before it must wait
	 * @param baseDelay the first wait; each further failure doubles it
	 * @param maxDelay the longest wait
	 * @param accountAlarm failures on the account from other addresses after which an
	 * address has only one free failure
	 */
	SignInDelay(int freeFailures, Duration baseDelay, Duration maxDelay, int accountAlarm) {
		if (freeFailures < 1 || baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0
				|| accountAlarm < 1) {
			throw new IllegalArgumentException("Sign-in delay needs free failures >= 1, 0 < base delay <= max delay "
					+ "and an account alarm >= 1");
		}
		this.freeFailures = freeFailures;
		this.baseDelay = baseDelay;
		this.maxDelay = maxDelay;
		this.accountAlarm = accountAlarm;
	}

	/**
	 * @param addressFailures failures of this address on this account still remembered
	 * @param lastFailure when the last of them happened (null when there is none)
	 * @param accountFailures remembered failures on this account from every address
	 * @param now the time of the attempt
	 */
	Decision decide(int addressFailures, Instant lastFailure, int accountFailures, Instant now) {
		boolean underAttack = accountFailures - addressFailures >= this.accountAlarm;
		int free = underAttack ? 1 : this.freeFailures;
		if (addressFailures < free || lastFailure == null) {
			return new Decision(Duration.ZERO,
					underAttack ? "first attempt from this address while the account is " + "being guessed at"
							: "fewer than " + free + " failures from this address");
		}
		var wait = wait(addressFailures - free);
		var remaining = Duration.between(now, lastFailure.plus(wait));
		if (remaining.isNegative() || remaining.isZero()) {
			return new Decision(Duration.ZERO, "waited " + wait.toSeconds() + " s since the last failure");
		}
		return new Decision(roundedUpToSeconds(remaining),
				addressFailures + " failures from this address"
						+ (underAttack ? " while the account is being guessed at" : "") + ": " + wait.toSeconds()
						+ " s between attempts");
	}

	private Duration wait(int doublings) {
		if (doublings >= 30) {
			return this.maxDelay;
		}
		var wait = this.baseDelay.multipliedBy(1L << doublings);
		return wait.compareTo(this.maxDelay) > 0 ? this.maxDelay : wait;
	}

	private static Duration roundedUpToSeconds(Duration duration) {
		long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
		return Duration.ofSeconds(seconds);
	}

	/**
	 * @param remaining how long the address must still wait; zero when it may try now
	 * @param reason why, in words
	 */
	record Decision(Duration remaining, String reason) {

		boolean allowed() {
			return this.remaining.isZero();
		}

	}

}
