package com.trellis.shared;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * The content type an API operation's body must have, checked by the handler itself. A
 * mapping's {@code consumes} is decided when the request is matched to its handler,
 * before the role and owner checks ({@code identity/RolesBeforeBinding},
 * {@code OwnersBeforeBinding}): anyone, including a caller the operation is not for,
 * learned from a 415 that the operation exists and what it reads. So operations whose
 * body is not JSON declare no {@code consumes} and call {@link #require} first.
 */
public final class BodyTypes {

	private BodyTypes() {
	}

	/**
	 * Returns when the request's {@code Content-Type} is one of {@code accepted} (its
	 * parameters, such as a charset or a multipart boundary, aside).
	 * @throws HttpMediaTypeNotSupportedException otherwise, answered 415 with a problem
	 * that names the accepted types
	 */
	public static void require(HttpServletRequest request, MediaType... accepted)
			throws HttpMediaTypeNotSupportedException {
		MediaType sent = null;
		try {
			sent = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
		}
		catch (InvalidMediaTypeException ex) {
			// an unreadable type is refused like a wrong one
		}
		for (var type : accepted) {
			if (sent != null && type.includes(sent) && !sent.isWildcardType() && !sent.isWildcardSubtype()) {
				return;
			}
		}
		var names = Arrays.stream(accepted).map(MediaType::toString).collect(Collectors.joining(" or "));
		var refused = new HttpMediaTypeNotSupportedException(sent, List.of(accepted), HttpMethod.POST);
		var given = request.getContentType();
		refused.getBody()
			.setDetail("Send the body as " + names + (given == null ? " (no Content-Type was given)."
					: " (Content-Type was '" + (given.length() > 60 ? given.substring(0, 60) + "…" : given) + "')."));
		throw refused;
	}

}
