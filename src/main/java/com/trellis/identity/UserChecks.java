package com.trellis.identity;

import org.springframework.stereotype.Component;

/** The user administration's {@link ActsOn} rules. */
public final class UserChecks {

	private UserChecks() {
	}

	/** The user in the path exists (404 before the body is read). */
	@Component
	public static class Existing extends ExistingRecord {

		Existing(UserAdministration users) {
			super(users::get);
		}

	}

}
