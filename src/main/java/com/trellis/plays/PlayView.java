package com.trellis.plays;

import java.time.Instant;
import java.util.List;

import com.trellis.partners.PartnerType;

/**
 * One version of a play: the current one when read from the library, or an older one when
 * read from a deal that used it.
 */
public record PlayView(long id, int version, int currentVersion, String title, SalesMoment moment, PlayRole role,
		String buyer, String whyPartner, String whenToBring, String problem, List<PartnerType> partnerTypes,
		List<String> verticals, List<String> capabilities, Instant writtenAt, long writtenBy) {

	public boolean current() {
		return this.version == this.currentVersion;
	}

}
