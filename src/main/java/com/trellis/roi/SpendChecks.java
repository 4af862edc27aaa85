package com.trellis.roi;

import com.trellis.identity.ExistingRecord;
import com.trellis.shared.NotFoundException;

import org.springframework.stereotype.Component;

/** The program spend entry in the path exists (404 before the body is read). */
@Component
class SpendChecks extends ExistingRecord {

	SpendChecks(RoiRepository repository) {
		super((viewer, id) -> repository.spendEntry(id).orElseThrow(() -> new NotFoundException("Program spend", id)));
	}

}
