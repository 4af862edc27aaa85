package com.trellis.plays;

/** A play recommended for a deal (its current version) and why it fits. */
public record RecommendedPlay(long playId, int version, String title, SalesMoment moment, String reason) {
}
