package com.trellis.leads;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A lead a partner hands to the vendor. A partner user's partner is always their own; a
 * PAM or admin names the partner it is submitted for.
 */
public record LeadCommand(Long partnerId, @NotBlank @Size(max = 200) String companyName,
		@Size(max = 200) String companyDomain, @NotBlank @Size(max = 200) String contactName,
		@Email @Size(max = 200) String contactEmail, @Size(max = 2000) String note) {
}
