package com.trellis.accounts;

import java.time.Instant;

public record AccountView(long id, String name, String webDomain, String industry, String employeeBand, Long ownerAeId,
		Instant createdAt, Instant updatedAt) {
}
