package com.trellis.shared;

import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Optimistic concurrency on the API's record updates (RFC 9110 conditional requests): a
 * record's GET answers its version as a strong entity tag ({@code ETag: "12"}); a PUT
 * that sends it back in {@code If-Match} is refused with 412 Precondition Failed,
 * changing nothing, when the record changed since (the problem detail names
 * {@code If-Match}). A PUT without the header, or with {@code *}, is not checked (last
 * write wins, as before). An unreadable header (not one quoted whole number) is refused
 * with 400 naming it. A PUT answers the record's new ETag.
 */
public final class IfMatch {

	/** The name errors use for the header. */
	public static final String HEADER = HttpHeaders.IF_MATCH;

	private IfMatch() {
	}

	/** The entity tag of a record's version. */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * A record's GET with its ETag: {@code read} answers the record as the viewer may see
	 * it (404 or 403 first), {@code version} its version. The version is read before the
	 * record answered, so a change between the two makes the tag older than the body (a
	 * PUT with it is refused, never a change overwritten unseen).
	 */
	public static <T> T read(jakarta.servlet.http.HttpServletResponse response, java.util.function.Supplier<T> read,
			java.util.function.LongSupplier version) {
		read.get();
		long tag = version.getAsLong();
		var record = read.get();
		response.setHeader(HttpHeaders.ETAG, etag(tag));
		return record;
	}

	/**
	 * The version the header names; null when there is none or it is {@code *}. Accepts
	 * {@code "12"} and a bare {@code 12}; a weak tag ({@code W/"12"}) is refused, as
	 * If-Match compares strongly and the records' tags are strong.
	 */
	public static Long version(String header) {
		if (header == null || header.isBlank() || header.strip().equals("*")) {
			return null;
		}
		var tag = header.strip();
		if (tag.startsWith("W/")) {
			throw InvalidInputException.of(HEADER,
					"takes the strong ETag the record's GET answered, not a weak W/ one");
		}
		if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
			tag = tag.substring(1, tag.length() - 1);
		}
		if (!tag.matches("\\d{1,18}")) {
			throw InvalidInputException.of(HEADER,
					"must be the ETag the record's GET answered, one quoted whole number such as \"12\"");
		}
		return Long.valueOf(tag);
	}

	/**
	 * Runs a record's update with the version the header names (null: unchecked); the
	 * record's refusal of a stale version ({@link ConflictException} on {@code version})
	 * is answered as 412.
	 */
	public static <T> T update(String header, Function<Long, T> update) {
		var seen = version(header);
		try {
			return update.apply(seen);
		}
		catch (ConflictException ex) {
			if (seen != null && "version".equals(ex.field()) && !(ex instanceof Stale)) {
				throw new Stale("the record changed since the version you read (ETag " + etag(seen)
						+ "); read it again and apply your change to what it is now");
			}
			throw ex;
		}
	}

	/**
	 * A record's PUT that answers the record as it is now with its ETag, so that a client
	 * can send its next change without reading it again (s55: PUT answered no tag): the
	 * update as {@link #update(String, Function)}, then the record and its version read
	 * as {@link #read}. When the update took the record out of the viewer's sight (404 or
	 * 403 on reading it), the update's own answer without a tag.
	 */
	public static <T> T update(jakarta.servlet.http.HttpServletResponse response, String header,
			Function<Long, T> update, java.util.function.Supplier<T> read, java.util.function.LongSupplier version) {
		var saved = update(header, update);
		try {
			return read(response, read, version);
		}
		catch (NotFoundException | org.springframework.security.access.AccessDeniedException ex) {
			return saved;
		}
	}

	/**
	 * 412 Precondition Failed: the record is not at the version {@code If-Match} named.
	 */
	static final class Stale extends ConflictException {

		Stale(String reason) {
			super(HttpStatus.PRECONDITION_FAILED, HEADER, reason);
		}

	}

}
