package com.trellis.accounts;

import java.util.Locale;

import com.trellis.shared.validation.IsoCountry;
import com.trellis.shared.validation.PlainText;
import com.trellis.shared.validation.WebDomainRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * What it takes to create or update an account. The owner defaults to the caller. The web
 * domain is read as a bare domain ({@link WebDomainRule}: {@code https://www.Acme.com/}
 * is {@code acme.com}); the optional country is an ISO 3166-1 alpha-2 code in any case (a
 * country's name or three-letter code is refused here; file imports read those).
 */
public record AccountCommand(@NotBlank @PlainText(max = 200) String name,
		@Pattern(regexp = WebDomainRule.PATTERN, message = WebDomainRule.MESSAGE) String webDomain,
		@PlainText(max = 60) String industry,
		@Pattern(regexp = "^$|^(1-50|51-200|201-1000|1001-5000|5000\\+)$",
				message = "must be one of 1-50, 51-200, 201-1000, 1001-5000, 5000+") String employeeBand,
		Long ownerAeId, @IsoCountry String country) {

	public AccountCommand {
		webDomain = WebDomainRule.bare(webDomain);
		industry = blankToNull(industry);
		employeeBand = blankToNull(employeeBand);
		country = blankToNull(country);
		country = country == null ? null : country.toUpperCase(Locale.ROOT);
	}

	/** An account whose country is not known. */
	public AccountCommand(String name, String webDomain, String industry, String employeeBand, Long ownerAeId) {
		this(name, webDomain, industry, employeeBand, ownerAeId, null);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
