package com.trellis.partners;

import java.time.LocalDate;
import java.util.List;

import com.trellis.shared.validation.BusinessDate;
import com.trellis.shared.validation.DistinctLabels;
import com.trellis.shared.validation.PlainText;
import com.trellis.shared.validation.WebDomainRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What it takes to create or update a partner. The web domain is read as a bare domain
 * ({@link WebDomainRule}: {@code https://www.Acme.com/} is {@code acme.com}).
 */
public record PartnerCommand(@NotBlank @PlainText(max = 200) String name, @NotNull PartnerType type,
		@Pattern(regexp = WebDomainRule.PATTERN, message = WebDomainRule.MESSAGE) String webDomain,
		List<@NotBlank @PlainText(max = 60) String> verticals, List<@NotBlank @PlainText(max = 60) String> capabilities,
		@NotBlank @PlainText(max = 60) String region, @BusinessDate LocalDate onboardedOn, @NotNull Long ownerPamId,
		@NotNull Tier tier) {

	public PartnerCommand {
		verticals = DistinctLabels.copy(verticals);
		capabilities = DistinctLabels.copy(capabilities);
		webDomain = WebDomainRule.bare(webDomain);
	}

}
