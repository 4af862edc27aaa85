package com.trellis.leads;

import java.io.Serializable;
import com.trellis.shared.validation.EmailAddress;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/**
 * A lead a partner hands to the vendor. A partner user's partner is always their own; a
 * PAM or admin names the partner it is submitted for.
 */
public record LeadCommand(Long partnerId, @NotBlank @PlainText(max = 200) String companyName,
		@PlainText(max = 200) String companyDomain, @NotBlank @PlainText(max = 200) String contactName,
		@Email @EmailAddress @PlainText(max = 200) String contactEmail,
		@PlainText(max = 2000, multiline = true) String note) implements Serializable {
}
