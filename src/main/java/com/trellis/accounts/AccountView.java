package com.trellis.accounts;

import java.time.Instant;

public record AccountView(long id, String name, String webDomain, String industry, String employeeBand, Long ownerAeId,
		Instant createdAt, Instant updatedAt, String country) {

	/** An account whose country is not known. */
	public AccountView(long id, String name, String webDomain, String industry, String employeeBand, Long ownerAeId,
			Instant createdAt, Instant updatedAt) {
		this(id, name, webDomain, industry, employeeBand, ownerAeId, createdAt, updatedAt, null);
	}

}
