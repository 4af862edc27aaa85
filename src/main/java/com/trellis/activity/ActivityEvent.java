package com.trellis.activity;

import java.time.Instant;

public record ActivityEvent(long id, long partnerId, Long userId, String type, Instant occurredAt, String detail) {
}
