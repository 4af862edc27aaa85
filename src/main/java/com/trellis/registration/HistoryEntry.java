package com.trellis.registration;

import java.time.Instant;

public record HistoryEntry(RegistrationStatus from, RegistrationStatus to, Long actorId, Instant at, String reason) {
}
