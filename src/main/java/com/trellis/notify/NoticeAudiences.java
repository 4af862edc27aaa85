package com.trellis.notify;

import java.util.ArrayList;

import com.trellis.identity.Users;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a {@link NoticeAudience}: the member of staff (by id) and the partner's enabled
 * users in one statement, then every one's channel choices and own Slack webhook with the
 * partner's Slack channel in one more — two statements, whatever the number of users
 * (reading each user's choices and webhook one at a time took two per user, and the
 * recipients two more).
 */
@Service
public class NoticeAudiences {

	private final Users users;

	private final UserNoticeChoices choices;

	NoticeAudiences(Users users, UserNoticeChoices choices) {
		this.users = users;
		this.choices = choices;
	}

	/**
	 * @param staffId the member of staff a staff notice would go to; null for none
	 * @param partnerId the partner a partner notice would go to; null for none
	 */
	@Transactional(readOnly = true)
	public NoticeAudience of(Long staffId, Long partnerId) {
		var recipients = this.users.recipients(staffId, partnerId);
		var staff = recipients.user().orElse(null);
		boolean enabled = recipients.userEnabled();
		var ids = new ArrayList<Long>();
		if (staff != null && enabled && staff.partnerId() == null) {
			ids.add(staff.id());
		}
		recipients.partnerUsers().forEach(user -> ids.add(user.id()));
		var stored = ids.isEmpty() && partnerId == null ? new UserNoticeChoices.Stored(java.util.Map.of(), null)
				: this.choices.ofUsers(ids, partnerId);
		return new NoticeAudience(staffId, staff, enabled, partnerId, recipients.partnerUsers(), stored);
	}

}
