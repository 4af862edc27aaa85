package com.trellis.cosell;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotNull;

/**
 * The partner's answer: whether it helps, and an optional note (who, when, how).
 */
public record AnswerCoSell(@NotNull Boolean accept, @PlainText(max = 2000, multiline = true) String note) {
}
