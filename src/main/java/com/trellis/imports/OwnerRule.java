package com.trellis.imports;

/**
 * Whose a record imported before stays when a later export changes it (an account's
 * owner, a deal's owner): the source owner the file names is compared with the one it
 * named at the last import ({@code import_record.source_owner}). Unchanged, the owner
 * given in Trellis since (a leaver's hand-over, a hygiene fix) is kept: what was changed
 * in Trellis wins over a CRM that was not updated. Changed (or not known, for a record
 * imported before source owners were kept), the newly named owner is applied when they
 * are an active user, and refused when they are deactivated (or to be created
 * deactivated): the record keeps its current owner and the row is named in a warning, the
 * file still imports. A record's first import is not judged here: it takes the file's
 * owner, deactivated or not (closed deals belong to who won them).
 */
final class OwnerRule {

	private OwnerRule() {
	}

	enum Outcome {

		/** The file's owner is the record's owner already. */
		SAME,
		/** The newly named owner, an active user, takes the record. */
		APPLIED,
		/** The file names the owner it named before: the owner given in Trellis stays. */
		KEPT,
		/**
		 * The newly named owner is deactivated: the current owner stays, with a warning.
		 */
		REFUSED;

		/** Whether the record keeps the owner it has, whatever the file says. */
		boolean keepsOwner() {
			return this == KEPT || this == REFUSED;
		}

	}

	/** The outcome and why, in words for the report. */
	record Decision(Outcome outcome, String reason) {
	}

	/**
	 * @param recorded the source owner (e-mail) the last import recorded, null when not
	 * known
	 * @param named the source owner (e-mail) the file names now
	 * @param namedUser the Trellis user the named owner maps to, null for one the import
	 * creates (deactivated)
	 * @param namedActive whether that user is active (enabled)
	 * @param current the record's owner in Trellis now, null when it has none
	 */
	static Decision decide(String recorded, String named, Long namedUser, boolean namedActive, Long current) {
		boolean sameUser = namedUser != null && namedUser.equals(current);
		if (recorded != null && recorded.equalsIgnoreCase(named)) {
			return sameUser ? new Decision(Outcome.SAME, "the file names the record's owner")
					: new Decision(Outcome.KEPT, "the file still names " + named
							+ " as at the last import; the owner given in Trellis since is kept");
		}
		if (sameUser) {
			return new Decision(Outcome.SAME, "the file names the record's owner");
		}
		if (namedUser != null && namedActive) {
			return new Decision(Outcome.APPLIED, "the file names a new owner, " + named + ", an active user");
		}
		return new Decision(Outcome.REFUSED,
				"owner " + named + " is a deactivated user: not applied, the record keeps its current owner");
	}

}
