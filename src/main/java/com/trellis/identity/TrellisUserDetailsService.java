package com.trellis.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class TrellisUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	TrellisUserDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		var credentials = this.users.credentials(email)
			.orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
		return principal(credentials);
	}

	static TrellisPrincipal principal(UserRepository.Credentials credentials) {
		var user = credentials.user();
		var viewer = new Viewer(user.id(), user.displayName(), user.role(), user.partnerId());
		return new TrellisPrincipal(viewer, user.email(), credentials.passwordHash(), credentials.maySignIn());
	}

}
