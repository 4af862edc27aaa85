package com.trellis.partners;

import java.util.Optional;

/**
 * Something other than the partner's record that holds its tier (the tiers module's
 * override in force): while it holds, a change of the tier on the record (form, API,
 * import) is refused with its reason instead of being saved beside it, where the hold
 * kept the record's tier frozen and still claimed its own (s56). Implemented outside this
 * module; none means nothing holds.
 */
public interface TierHolds {

	/**
	 * Why the partner's tier may not be changed to {@code to} on its record now, or empty
	 * when it may.
	 */
	Optional<String> refusal(long partnerId, Tier to);

}
