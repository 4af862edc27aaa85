package com.trellis.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * API creates sent once: a {@code POST} that creates a record (answers 201) and carries
 * an {@code Idempotency-Key} header (1 to 255 visible ASCII characters, such as a UUID)
 * is carried out at most once per user and key. The first request keeps the key with a
 * hash of the request (method, path, query, content type, body) and, in the transaction
 * that created the record, its answer. The same request with the same key (a retry after
 * a timeout, also on another instance) creates nothing and gets the kept answer again
 * with {@code Idempotent-Replayed: true}; one sent while the first still runs waits for
 * it. The key with another request is refused with 422, naming the header. A refused
 * request keeps no key. Without the header a create runs each time, as before.
 *
 * <p>
 * This filter reads the body (at most {@value #MOST_BODY} bytes are kept) and runs the
 * request in one transaction that the create joins; {@link IdempotencyCheck} decides,
 * after the role and owner checks, whether the operation takes a key and claims it.
 */
@Component
class IdempotentCreates extends OncePerRequestFilter {

	/** The request header. */
	static final String HEADER = "Idempotency-Key";

	/** The answer header of a kept answer sent again. */
	static final String REPLAYED = "Idempotent-Replayed";

	/** The largest body kept for comparison, in bytes. */
	static final int MOST_BODY = 1 << 20;

	/**
	 * Request attribute: the request's hash, or absent when its body is over the limit.
	 */
	static final String HASH = IdempotentCreates.class.getName() + ".hash";

	/** Request attribute: the body as read, for owner rules on the body. */
	static final String BODY = IdempotentCreates.class.getName() + ".body";

	/** Request attribute: set by the check when this request claimed its key. */
	static final String CLAIMED = IdempotentCreates.class.getName() + ".claimed";

	private final TransactionTemplate transaction;

	private final IdempotencyKeys keys;

	IdempotentCreates(PlatformTransactionManager transactions, IdempotencyKeys keys) {
		this.transaction = new TransactionTemplate(transactions);
		this.keys = keys;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// a form or file body is left to the container: the check refuses the header
		// there
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/") || !present(request)
				|| request.getContentType() == null
				|| !request.getContentType().toLowerCase(java.util.Locale.ROOT).contains("json");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var original = request.getInputStream();
		byte[] read = original.readNBytes(MOST_BODY + 1);
		boolean whole = read.length <= MOST_BODY;
		var again = new BodyAgain(request, read, whole ? null : original);
		request.setAttribute(BODY, read);
		if (whole) {
			request.setAttribute(HASH, hash(request, read));
		}
		var answer = new ContentCachingResponseWrapper(response);
		try {
			this.transaction.executeWithoutResult(status -> {
				try {
					chain.doFilter(again, answer);
				}
				catch (IOException | ServletException ex) {
					throw new Failed(ex);
				}
				var claimed = (Claimed) request.getAttribute(CLAIMED);
				if (claimed != null && answer.getStatus() / 100 == 2 && !status.isRollbackOnly()) {
					this.keys.keep(claimed.userId(), claimed.key(), answer.getStatus(), answer.getContentType(),
							answer.getContentAsByteArray());
				}
				else {
					// a refusal keeps no key; a kept answer sent again changed nothing
					status.setRollbackOnly();
				}
			});
		}
		catch (Failed ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw (ServletException) ex.getCause();
		}
		catch (TransactionException ex) {
			// the create could not be committed: nothing was kept, the same key may be
			// sent again
			answer.resetBuffer();
			answer.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			answer.setContentType("application/problem+json");
			answer.getOutputStream()
				.write(("{\"status\":503,\"title\":\"Service Unavailable\",\"detail\":\"The request could not be "
						+ "saved; nothing was created. Send it again with the same Idempotency-Key.\"}")
					.getBytes(StandardCharsets.UTF_8));
		}
		answer.copyBodyToResponse();
	}

	/**
	 * Whether the request carries the header, from its names only: reading its value here
	 * would let the firewall refuse a non-ASCII key before the role check.
	 */
	static boolean present(HttpServletRequest request) {
		var names = request.getHeaderNames();
		while (names != null && names.hasMoreElements()) {
			if (HEADER.equalsIgnoreCase(names.nextElement())) {
				return true;
			}
		}
		return false;
	}

	private static byte[] hash(HttpServletRequest request, byte[] body) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			for (var part : new String[] { request.getMethod(), request.getRequestURI(),
					String.valueOf(request.getQueryString()), String.valueOf(request.getContentType()) }) {
				digest.update(part.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return digest.digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** Who claimed which key. */
	record Claimed(long userId, String key) {
	}

	private static final class Failed extends RuntimeException {

		Failed(Exception cause) {
			super(cause);
		}

	}

	/**
	 * The request with its body readable again: the bytes read, then the rest, if any.
	 */
	private static final class BodyAgain extends HttpServletRequestWrapper {

		private final InputStream body;

		BodyAgain(HttpServletRequest request, byte[] read, InputStream rest) {
			super(request);
			InputStream first = new ByteArrayInputStream(read);
			this.body = rest == null ? first : new java.io.SequenceInputStream(first, rest);
		}

		@Override
		public ServletInputStream getInputStream() {
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return BodyAgain.this.body.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return BodyAgain.this.body.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return false;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("read synchronously");
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			var charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
					: java.nio.charset.Charset.forName(getCharacterEncoding());
			return new java.io.BufferedReader(new java.io.InputStreamReader(this.body, charset));
		}

	}

}
