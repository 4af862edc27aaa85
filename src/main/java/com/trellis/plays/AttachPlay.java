package com.trellis.plays;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Attaches a play (its current version) to a live deal, with an optional note. */
public record AttachPlay(@NotNull @Positive Long playId, @PlainText(max = 500) String note) {
}
