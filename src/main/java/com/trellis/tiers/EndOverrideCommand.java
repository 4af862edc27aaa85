package com.trellis.tiers;

import java.io.Serializable;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;

/** An admin's end of an override in force before its expiry: why it ends. */
public record EndOverrideCommand(@NotBlank @PlainText(max = 500) String reason) implements Serializable {
}
