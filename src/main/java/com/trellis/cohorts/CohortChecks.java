package com.trellis.cohorts;

import com.trellis.identity.ExistingRecord;
import com.trellis.shared.NotFoundException;

import org.springframework.stereotype.Component;

/** The cohort in the path exists (404 before the body is read). */
@Component
class CohortChecks extends ExistingRecord {

	CohortChecks(CohortRepository cohorts) {
		super((viewer, id) -> {
			if (!cohorts.exists(id)) {
				throw new NotFoundException("cohort", id);
			}
		});
	}

}
