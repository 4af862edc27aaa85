package com.trellis.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SHA-256 over every table name, column list and COPY line, in emission order: two
 * ecosystems are the same exactly when their fingerprints are.
 */
final class HashingSink implements RowSink {

	private final MessageDigest digest;

	private final Map<String, Long> rows = new LinkedHashMap<>();

	HashingSink() {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Table table(String name, List<String> columns) {
		this.digest.update((name + " " + columns + "\n").getBytes(StandardCharsets.UTF_8));
		var line = new StringBuilder(256);
		return new Table() {

			@Override
			public void row(Object... values) {
				line.setLength(0);
				CopyText.appendLine(line, values);
				HashingSink.this.digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
				HashingSink.this.rows.merge(name, 1L, Long::sum);
			}

			@Override
			public void close() {
			}

		};
	}

	Map<String, Long> rows() {
		return this.rows;
	}

	String fingerprint() {
		try {
			return HexFormat.of().formatHex(((MessageDigest) this.digest.clone()).digest());
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
