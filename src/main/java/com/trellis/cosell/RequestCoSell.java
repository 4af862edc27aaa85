package com.trellis.cosell;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Asks a partner for help on a deal: which partner, and what the help is.
 */
public record RequestCoSell(@NotNull @Positive Long partnerId,
		@NotBlank @PlainText(max = 2000, multiline = true) String ask) {
}
