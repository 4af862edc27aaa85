package com.trellis.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One entry of the audit log as its reader shows it.
 *
 * @param id the entry's number, larger for later entries
 * @param occurredAt when the change was made
 * @param actorId the user who made it; null for the system (jobs, the demo loader)
 * @param actorName their name as it was then, "system" for the system
 * @param entityType what kind of record changed ({@code partner}, {@code opportunity},
 * {@code user}, {@code api-token}, …)
 * @param entityId which record, as text (an id, a day, a key)
 * @param action what was done, in words
 * @param before the record before, as JSON (null when there was none or it is not kept)
 * @param after the record after, as JSON (null likewise)
 */
public record AuditRecord(long id, Instant occurredAt, Long actorId, String actorName, String entityType,
		String entityId, String action, @JsonRawValue String before, @JsonRawValue String after) {
}
