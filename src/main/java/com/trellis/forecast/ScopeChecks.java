package com.trellis.forecast;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The forecast scope a read asks for on its query ({@code scope}, {@code scopeId}),
 * decided before the rest of the query is read ({@link com.trellis.identity.ActsOn}): a
 * scope that is not the viewer's to see is refused (403, {@link ForecastScopes#allowed})
 * whatever else the query holds (another PAM's book asked with a bad {@code day} was told
 * 400 naming the day). A scope or id that cannot be read, or that does not go together,
 * passes for the read to name.
 */
@Component
class ScopeChecks implements AccessCheck {

	private final ForecastScopes scopes;

	ScopeChecks(ForecastScopes scopes) {
		this.scopes = scopes;
	}

	@Override
	public void check(Viewer viewer, Request request) {
		var text = request.text("scope");
		var kind = text == null ? null
				: java.util.Arrays.stream(Scope.Kind.values())
					.filter(k -> k.name().equals(text.strip()))
					.findFirst()
					.orElse(null);
		var id = request.id("scopeId");
		if (kind == null || (request.text("scopeId") != null && id == null)) {
			return;
		}
		boolean needsId = kind != Scope.Kind.PROGRAM && kind != Scope.Kind.PARTNERS;
		if (needsId == (id != null)) {
			this.scopes.allowed(viewer, new Scope(kind, id));
		}
	}

}
