package com.trellis.tiers;

import java.io.Serializable;
import java.time.LocalDate;

import com.trellis.partners.Tier;
import com.trellis.shared.validation.BusinessDate;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/** An admin's override: the tier, the reason and the last day it holds. */
public record OverrideCommand(@NotNull Tier tier, @NotBlank @PlainText(max = 500) String reason,
		@NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn)
		implements
			Serializable {
}
