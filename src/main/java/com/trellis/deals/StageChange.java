package com.trellis.deals;

import java.time.Instant;

public record StageChange(Stage from, Stage to, Long changedBy, Instant changedAt) {
}
