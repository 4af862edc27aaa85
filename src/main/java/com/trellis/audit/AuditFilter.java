package com.trellis.audit;

import java.time.Instant;

/**
 * Which audit entries to read; a null part reads them all.
 *
 * @param entityType entries of this kind of record only
 * @param entityId of this record only (with {@code entityType})
 * @param actorId made by this user only
 * @param from made at this moment or later
 * @param until made before this moment
 */
public record AuditFilter(String entityType, String entityId, Long actorId, Instant from, Instant until) {
}
