package com.trellis.adoption;

import com.trellis.notify.StaffNotice;
import com.trellis.notify.StaffNoticeKind;
import com.trellis.shared.StoredFigures;

/**
 * The words of the notice that tells a rep their sales manager prompted them to bring a
 * partner into a deal ({@link Adoption#prompt}); one per stored prompt (its key names the
 * prompt), so the rep hears of a prompt once however often the manager clicks.
 *
 * @param promptId the stored prompt
 * @param dealId the deal
 * @param dealName the deal's name
 * @param accountName the deal's account
 * @param managerName who prompted
 * @param partnerName the partner the manager suggested, or null
 * @param note the manager's note, or null
 */
record PartnerPromptNotice(long promptId, long dealId, String dealName, String accountName, String managerName,
		String partnerName, String note) {

	/** The notice to the rep. */
	StaffNotice noticeTo(long repId) {
		var body = new StringBuilder(StoredFigures.text(this.managerName)).append(" asks you to bring a partner into ")
			.append(StoredFigures.text(this.dealName))
			.append(" (")
			.append(StoredFigures.text(this.accountName))
			.append(").");
		if (this.partnerName != null) {
			body.append(" Suggested partner: ").append(StoredFigures.text(this.partnerName)).append('.');
		}
		if (this.note != null) {
			body.append(' ').append(StoredFigures.text(this.note));
		}
		return new StaffNotice("partner-prompt:" + this.promptId + ":user:" + repId, repId,
				StaffNoticeKind.PARTNER_PROMPT, "Bring a partner into " + StoredFigures.text(this.dealName),
				body.toString(), "/opportunities/" + this.dealId);
	}

}
