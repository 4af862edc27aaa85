package com.trellis.shared;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request's query and form parameters for code that reads them before binding (an
 * ownership check): the server's map, or, when their bytes are not valid UTF-8, an
 * {@link InvalidInputException} naming the parameter (a 400), as the text guard refuses
 * them. The server says which parameter only once, so a reader that met the failure first
 * must refuse it itself rather than pass it on.
 */
public final class ReadableParameters {

	private ReadableParameters() {
	}

	/** The parameters by name; refuses bytes that are not valid UTF-8. */
	public static Map<String, String[]> of(HttpServletRequest request) {
		return TextGuard.parameters(request);
	}

}
