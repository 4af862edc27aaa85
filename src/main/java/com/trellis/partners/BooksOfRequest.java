package com.trellis.partners;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A PAM's book read once per page request: a GET or HEAD request (which changes no
 * partner's owner) keeps each book it reads in a request attribute, so the panels of a
 * page that each scope by the book (a PAM's home: registrations, leads, disputes, MDF
 * requests, approval breaches) share one reading. Outside a request, or in a request that
 * may change data, every call reads the book anew.
 */
final class BooksOfRequest {

	private static final String ATTRIBUTE = BooksOfRequest.class.getName();

	private BooksOfRequest() {
	}

	/**
	 * The book of {@code pamId}, read by {@code read} unless this request has read it.
	 */
	static List<Long> book(long pamId, LongFunction<List<Long>> read) {
		var books = ofRequest();
		if (books == null) {
			return read.apply(pamId);
		}
		return books.computeIfAbsent(pamId, id -> List.copyOf(read.apply(id)));
	}

	@SuppressWarnings("unchecked")
	private static Map<Long, List<Long>> ofRequest() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		var method = attributes.getRequest().getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return null;
		}
		var books = (Map<Long, List<Long>>) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (books == null) {
			books = new HashMap<>();
			attributes.setAttribute(ATTRIBUTE, books, RequestAttributes.SCOPE_REQUEST);
		}
		return books;
	}

}
