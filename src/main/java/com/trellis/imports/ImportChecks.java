package com.trellis.imports;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who may act on an upload of the Import page, checked before its form is read. */
final class ImportChecks {

	private ImportChecks() {
	}

	/** Only a program admin; an upload that does not exist is 404. */
	@Component
	static class Uploaded implements AccessCheck {

		private final ImportUploads uploads;

		Uploaded(ImportUploads uploads) {
			this.uploads = uploads;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			if (!viewer.is(Role.ADMIN)) {
				throw new AccessDeniedException("Only a program admin imports CRM exports");
			}
			var id = request.id();
			if (id != null && !this.uploads.exists(id)) {
				throw new NotFoundException("Import", id);
			}
		}

	}

}
