package com.trellis.shared;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The links of a list's pager ({@code templates/pager.html}, used as {@code ~{pager ::
 * pager(${result}, '/partners')}}): the list's path with the query the reader is on and
 * another page number, so every filter and sort of the list is kept without each page
 * naming them. The query is kept only when the current request is a {@code GET} of that
 * same path (a form posted elsewhere that shows the list again leads to the list's own
 * pages, without the form's fields). A parameter sent blank ({@code spendSize=}) is left
 * out, as the pages read it as not given. Names and values are encoded strictly
 * ({@code +}, {@code &}, {@code =} included), so they come back as they were.
 */
@Component("pageLinks")
public class PageLinks {

	private static final String PAGE = "page";

	/**
	 * The link to {@code page} (0-based) of the list at {@code path} (without the context
	 * path, e.g. {@code /partners} or {@code /hygiene/MISSING_AMOUNT}).
	 */
	public String to(String path, int page) {
		return to(path, PAGE, page);
	}

	/**
	 * The link to {@code page} (0-based) of one of several lists on the page at
	 * {@code path}, whose page goes by the query parameter {@code param}
	 * ({@code driftPage}): the reader's query is kept, the other lists' pages included.
	 */
	public String to(String path, String param, int page) {
		var query = readerQuery(path, name -> !param.equals(name));
		query.add(encoded(param) + "=" + page);
		return contextPath() + UriUtils.encodePath(path, StandardCharsets.UTF_8) + "?" + query;
	}

	/**
	 * The link to the CSV export at {@code exportPath} of the list at {@code path}
	 * ({@code ~{pager :: export(path, exportPath, params)}}): the reader's query on the
	 * list kept for the parameters the export takes ({@code params}, their names
	 * separated by spaces: its filters, sort and view), never a page or page size, since
	 * an export holds every page, nor a parameter the export would ignore ({@code embed},
	 * a typo); only the export's path when the current request is not a {@code GET} of
	 * the list.
	 */
	public String export(String path, String exportPath, String params) {
		var taken = java.util.Set.of(params == null ? new String[0] : params.trim().split("\\s+"));
		var query = readerQuery(path, taken::contains);
		var link = contextPath() + UriUtils.encodePath(exportPath, StandardCharsets.UTF_8);
		return query.length() == 0 ? link : link + "?" + query;
	}

	/**
	 * The reader's query, encoded, when the current request is a {@code GET} of the list
	 * at {@code path}: the parameters {@code kept} keeps, without blank values; empty for
	 * any other request.
	 */
	private static StringJoiner readerQuery(String path, java.util.function.Predicate<String> kept) {
		var request = currentRequest();
		var query = new StringJoiner("&");
		if (request != null && "GET".equals(request.getMethod())
				&& (request.getContextPath() + path).equals(request.getRequestURI())) {
			request.getParameterMap().forEach((name, values) -> {
				if (kept.test(name)) {
					for (var value : values) {
						if (!value.isBlank()) {
							query.add(encoded(name) + "=" + encoded(value));
						}
					}
				}
			});
		}
		return query;
	}

	private static String contextPath() {
		var request = currentRequest();
		return request == null ? "" : request.getContextPath();
	}

	/**
	 * The query parameters a live filter form ({@code ~{pager :: kept(path, fields)}})
	 * keeps as hidden fields: every parameter of the current {@code GET} of the list at
	 * {@code path} that the form has no field of its own for ({@code fields}, its field
	 * names separated by spaces), such as a view ({@code breached=true}) or a page size,
	 * so that filtering live (htmx sends the form's fields alone) or with the form's
	 * button keeps them; never {@code page}, since a new filter starts on its first page.
	 * Nothing for any other request (a form posted elsewhere that shows the list again).
	 */
	public java.util.List<java.util.Map.Entry<String, String>> kept(String path, String fields) {
		var request = currentRequest();
		if (request == null || !"GET".equals(request.getMethod())
				|| !(request.getContextPath() + path).equals(request.getRequestURI())) {
			return java.util.List.of();
		}
		var own = java.util.Set.of(fields == null ? new String[0] : fields.trim().split("\\s+"));
		var kept = new java.util.ArrayList<java.util.Map.Entry<String, String>>();
		request.getParameterMap().forEach((name, values) -> {
			if (!PAGE.equals(name) && !own.contains(name)) {
				for (var value : values) {
					if (!value.isBlank()) {
						kept.add(java.util.Map.entry(name, value));
					}
				}
			}
		});
		return kept;
	}

	private static String encoded(String text) {
		return UriUtils.encode(text, StandardCharsets.UTF_8);
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
