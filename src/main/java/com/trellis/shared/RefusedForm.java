package com.trellis.shared;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a refused page form held, for the page it is redirected back to
 * ({@link FormAction}): the path it was posted to and its fields as typed, so that a
 * note, reason or evidence comes back beside the error instead of empty (try69c: a PAM's
 * comment was lost). Flashed as {@code refusedForm}; a page shows a field with
 * {@code ${refusedForm?.value(action, 'note')}}, {@code action} being the form's own
 * {@code th:action} link, so the one form among several on a page that was sent gets its
 * text back. The CSRF token and Spring's markers ({@code _…}) are left out, and so is a
 * value longer than {@value #LONGEST} characters (the session keeps what is flashed).
 */
public record RefusedForm(String action, Map<String, String> fields) implements Serializable {

	/** The longest value kept, in characters: well past every text field's maximum. */
	static final int LONGEST = 20_000;

	/** The value typed into {@code field} if this form was posted to {@code action}. */
	public String value(String action, String field) {
		return sent(action) ? this.fields.get(field) : null;
	}

	/** Whether the refused form is the one posted to {@code action}. */
	public boolean sent(String action) {
		return this.action.equals(action);
	}

	/**
	 * Every field typed into the form posted to {@code action}, or none when another form
	 * was refused: for a form that reads several ({@code th:with="t=${…}"}).
	 */
	public Map<String, String> fieldsOf(String action) {
		return sent(action) ? this.fields : Map.of();
	}

	/** The form of the request being handled, or null outside a request. */
	static RefusedForm ofCurrentRequest() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		var fields = new LinkedHashMap<String, String>();
		request.getParameterMap().forEach((name, values) -> {
			if (!name.startsWith("_") && values.length > 0 && values[0] != null && values[0].length() <= LONGEST) {
				fields.put(name, values[0]);
			}
		});
		return new RefusedForm(request.getRequestURI(), fields);
	}

}
