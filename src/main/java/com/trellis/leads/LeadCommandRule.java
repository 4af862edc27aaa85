package com.trellis.leads;

import java.util.ArrayList;
import java.util.List;

import com.trellis.matching.CompanyIdentity;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * What a submitted lead must say: the customer's company and a contact; a domain, when
 * given, must be a web domain and an e-mail address an e-mail address. Every fault is
 * named by its field, all at once.
 */
final class LeadCommandRule {

	private LeadCommandRule() {
	}

	/** The faults of the command, empty when it may be submitted. */
	static List<FieldError> faults(LeadCommand command) {
		var errors = new ArrayList<FieldError>();
		if (command.companyName() == null || command.companyName().isBlank()) {
			errors.add(new FieldError("companyName", "name the customer's company"));
		}
		if (command.companyDomain() != null && !command.companyDomain().isBlank()
				&& CompanyIdentity.registrableDomain(command.companyDomain()) == null) {
			errors.add(new FieldError("companyDomain", "is not a web domain such as example.com"));
		}
		if (command.contactName() == null || command.contactName().isBlank()) {
			errors.add(new FieldError("contactName", "name the contact at the customer"));
		}
		if (command.contactEmail() != null && !command.contactEmail().isBlank()
				&& !command.contactEmail().strip().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
			errors.add(new FieldError("contactEmail", "is not an e-mail address"));
		}
		return errors;
	}

}
