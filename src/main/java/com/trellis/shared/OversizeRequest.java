package com.trellis.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

/**
 * A request the container refused for its size before the app saw it: a request line
 * (method, path and query) or request headers longer than the connector reads
 * ({@code server.max-http-request-header-size}, 8 KB). The container answers both with a
 * bare 400 and, for a request line, has not even read the path; this reads the request's
 * first bytes from the connector's header buffer, so {@link ContainerErrors} can answer
 * the API's problem detail (414 or 431) or a short page saying what is too long. The API
 * is told by the path's {@code /api/} prefix (the app runs at the root context).
 *
 * @param line whether the request line is too long (else the headers)
 * @param api whether the request's path is the API's
 * @param limit the most bytes the container reads of the request line and headers
 */
record OversizeRequest(boolean line, boolean api, int limit) {

	/** What the request line is told (field "url"). */
	static final String LINE_TEXT = "is too long: the request line (method, path and query) may hold at most %s; "
			+ "send fewer or shorter query parameters";

	/** What oversized headers are told (field "header"). */
	static final String HEADERS_TEXT = "request headers are too large: the request line and headers may hold at "
			+ "most %s together; send fewer or shorter headers (such as cookies)";

	/**
	 * The size refusal of a request the container answered 400 before the app, or null
	 * when it was refused for anything else.
	 */
	static OversizeRequest of(Request request) {
		if (request.getContext() != null
				|| !(request.getCoyoteRequest().getInputBuffer() instanceof ApplicationBufferHandler handler)
				|| !(request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http)) {
			return null;
		}
		ByteBuffer buffer = handler.getByteBuffer();
		int limit = http.getMaxHttpRequestHeaderSize();
		if (buffer == null || buffer.limit() < limit) {
			return null;
		}
		var head = new String(bytes(buffer, limit), StandardCharsets.ISO_8859_1).stripLeading();
		int lineEnd = head.indexOf('\n');
		if (lineEnd >= 0 && (head.contains("\r\n\r\n") || head.contains("\n\n"))) {
			// line and headers ended within the limit: refused for another reason
			return null;
		}
		var target = head.substring(head.indexOf(' ') + 1);
		if (target.startsWith("http://") || target.startsWith("https://")) {
			// absolute form: the path starts after the authority
			int path = target.indexOf('/', target.indexOf("//") + 2);
			target = path < 0 ? "" : target.substring(path);
		}
		return new OversizeRequest(lineEnd < 0, target.startsWith("/api/"), limit);
	}

	private static byte[] bytes(ByteBuffer buffer, int limit) {
		var bytes = new byte[Math.min(limit, buffer.limit())];
		buffer.duplicate().position(0).get(bytes);
		return bytes;
	}

	/** 414 URI Too Long for the request line, 431 for the headers. */
	int status() {
		return this.line ? 414 : 431;
	}

	/** The field the problem detail names. */
	String field() {
		return this.line ? "url" : "header";
	}

	/** What is too long, in words. */
	String message() {
		return (this.line ? LINE_TEXT : HEADERS_TEXT).formatted(size());
	}

	/** The problem detail's detail. */
	String detail() {
		return this.line ? "The request line is too long: it may hold at most " + size()
				: "The request headers are too large: the request line and headers may hold at most " + size();
	}

	/** A short HTML page for a page request, saying what is too long and what to do. */
	String page() {
		var title = this.line ? "This address is too long" : "This request is too large";
		var text = this.line
				? "The address (its path and query) is longer than the " + size()
						+ " the server reads, so nothing was read or saved. Go back and choose fewer filters."
				: "The request headers are too large: the server reads at most " + size()
						+ " of them, so nothing was read or saved. Clear this site's cookies and try again.";
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
				+ " – Trellis</title></head><body><h1>" + title + "</h1><p>" + text
				+ "</p><p><a href=\"/\">Trellis home</a></p></body></html>";
	}

	private String size() {
		return this.limit % 1024 == 0 ? this.limit / 1024 + " KB" : this.limit + " bytes";
	}

}
