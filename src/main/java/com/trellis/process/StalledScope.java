package com.trellis.process;

import java.util.List;

import com.trellis.identity.Users;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * Whose stalled deals a list shows, on the page, its CSV and the API alike: by default an
 * account executive's own and a sales manager's team's with their own, as their home
 * counts them (try67: the page and the API listed the program's 322 where the manager's
 * home counted 63); {@code mine=false} everyone's. Other roles see everyone's.
 */
@Component
class StalledScope {

	private final Users users;

	StalledScope(Users users) {
		this.users = users;
	}

	/** The owners to list, or null for everyone's. */
	List<Long> owners(Viewer viewer, Boolean mine) {
		return Boolean.FALSE.equals(mine) ? null : this.users.ownersOf(viewer);
	}

}
