package com.trellis.identity;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A vendor user signed in through OpenID Connect: the Trellis user it was matched to,
 * with their role, plus the provider's tokens.
 */
record SsoPrincipal(Viewer viewer, String email, OidcIdToken idToken, OidcUserInfo userInfo,
		Map<String, Object> attributes) implements OidcUser, Viewer.Holder, Serializable {

	@Override
	public Map<String, Object> getClaims() {
		return this.attributes;
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return this.userInfo;
	}

	@Override
	public OidcIdToken getIdToken() {
		return this.idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.viewer.role().name()));
	}

	@Override
	public String getName() {
		return this.email;
	}

}
