package com.trellis.mapping;

import java.time.Instant;

/** One upload of a partner's account list; the latest is the current one. */
public record AccountListUpload(long id, long uploadedBy, Instant uploadedAt, int rowCount, boolean current) {
}
