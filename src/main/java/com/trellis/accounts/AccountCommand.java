package com.trellis.accounts;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * What it takes to create or update an account. The owner defaults to the caller.
 */
public record AccountCommand(@NotBlank @PlainText(max = 200) String name,
		@Pattern(regexp = "^$|^[a-z0-9.-]+\\.[a-z]{2,}$",
				message = "must be a bare web domain such as example.com") String webDomain,
		@PlainText(max = 60) String industry,
		@Pattern(regexp = "^$|^(1-50|51-200|201-1000|1001-5000|5000\\+)$",
				message = "must be one of 1-50, 51-200, 201-1000, 1001-5000, 5000+") String employeeBand,
		Long ownerAeId) {

	public AccountCommand {
		webDomain = blankToNull(webDomain);
		industry = blankToNull(industry);
		employeeBand = blankToNull(employeeBand);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
