package com.trellis.deals;

import java.math.BigDecimal;

/**
 * Open pipeline for one stage, split by whether a partner is involved, in one currency.
 */
public record PipelineLine(Stage stage, boolean partnerInvolved, String currency, long deals, BigDecimal amount) {
}
