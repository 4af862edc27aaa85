package com.trellis.shared;

import java.util.regex.Pattern;

import com.trellis.shared.InvalidInputException.FieldError;

import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * What the security firewall refused in a request, as the field error the API and the
 * pages answer: the firewall says it only in its exception's message ("the header name",
 * "the header: "Accept " has a value", "the parameter name", "the parameter: "q " has a
 * value", "the HTTP method", "the domain", else the URL), so each refusal is named by
 * what actually held the bad character, never by a guess. A header or parameter is named
 * by its own name when that name is plain text ({@code Accept}, {@code q}); the refused
 * text itself is never echoed (it holds a control character).
 */
public final class RejectedRequests {

	/** What a parameter name holding a control character is told (field "request"). */
	public static final String CONTROL_NAME_TEXT = "a parameter name holds a control character (such as NUL or a "
			+ "line break); send names of plain text";

	/** What a header or parameter value holding a control character is told. */
	public static final String CONTROL_VALUE_TEXT = "holds a control character (such as NUL, DEL or a line break); "
			+ "send plain text";

	/** What a URL path the firewall refuses is told (field "path"). */
	public static final String PATH_TEXT = "is not a plain URL path (no double slashes, semicolons, encoded "
			+ "slashes or control characters)";

	private static final Pattern NAMED_VALUE = Pattern.compile("the (header|parameter): \"(.*?) ?\" has a value");

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,100}");

	private RejectedRequests() {
	}

	/** The field error naming what the firewall refused. */
	public static FieldError of(RequestRejectedException ex) {
		var message = ex.getMessage() == null ? "" : ex.getMessage();
		var value = NAMED_VALUE.matcher(message);
		if (value.find()) {
			var kind = value.group(1);
			var name = value.group(2);
			return new FieldError(PLAIN_NAME.matcher(name).matches() ? name : kind, CONTROL_VALUE_TEXT);
		}
		if (message.contains("the header name")) {
			return new FieldError("header",
					"a header name holds a control character (such as NUL or a line break); send names of plain text");
		}
		if (message.contains("the parameter name")) {
			return new FieldError("request", CONTROL_NAME_TEXT);
		}
		if (message.contains("the HTTP method")) {
			return new FieldError("method", "is not one of GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS");
		}
		if (message.contains("the domain")) {
			return new FieldError("host", "is not a host name this server answers");
		}
		return new FieldError("path", PATH_TEXT);
	}

}
