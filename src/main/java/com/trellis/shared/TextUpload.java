package com.trellis.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded CSV file read as UTF-8 text: the one check of every upload path (the CRM
 * and Trellis-format imports, a partner's account list; page forms and API bodies). A
 * byte that is no UTF-8 (a Latin-1 or UTF-16 file) refuses the file naming its field,
 * {@value #NOT_UTF8}, instead of reading it as U+FFFD; a file chosen with no bytes is
 * refused as {@value #EMPTY}, told apart from no file chosen at all.
 */
public final class TextUpload {

	/** Why a file that is not UTF-8 text is refused. */
	public static final String NOT_UTF8 = "not UTF-8 text; save the export as UTF-8 CSV";

	/** Why a chosen file without bytes is refused. */
	public static final String EMPTY = "the file is empty, no header line";

	private TextUpload() {
	}

	/** Where an upload's bytes are read from, as often as needed. */
	@FunctionalInterface
	public interface Source {

		InputStream open() throws IOException;

	}

	/** The bytes as UTF-8 text; a byte that is no UTF-8 fails the reading. */
	public static Reader reader(InputStream in) {
		return new InputStreamReader(in,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT));
	}

	/**
	 * Whether a file was chosen: a form without a chosen file sends a part with no name
	 * and no bytes (or none at all).
	 */
	public static boolean chosen(MultipartFile file) {
		return file != null
				&& (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()));
	}

	/**
	 * Refuses, naming {@code field}, a chosen file without bytes or one that is not UTF-8
	 * text (read once, streaming, never held in memory); null when no file was chosen.
	 */
	public static Source checked(String field, MultipartFile file) {
		if (!chosen(file)) {
			return null;
		}
		if (file.isEmpty()) {
			throw InvalidInputException.of(field, EMPTY);
		}
		Source source = file::getInputStream;
		try (var in = reader(source.open())) {
			char[] buffer = new char[1 << 16];
			while (in.read(buffer) != -1) {
				// decoding is the check
			}
		}
		catch (CharacterCodingException ex) {
			throw InvalidInputException.of(field, NOT_UTF8);
		}
		catch (IOException | UncheckedIOException ex) {
			throw InvalidInputException.of(field, "the upload could not be read");
		}
		return source;
	}

	/**
	 * The chosen file's text, refused as {@link #checked} refuses it; null when no file
	 * was chosen.
	 */
	public static String text(String field, MultipartFile file) {
		var source = checked(field, file);
		return source == null ? null : read(field, source);
	}

	/**
	 * A request body sent as text (a CSV posted as {@code text/csv}): refused naming
	 * {@code body} when there is none or it has no bytes ({@value #EMPTY}, as a chosen
	 * file without bytes), when it is not UTF-8 text or holds a NUL character, as every
	 * text body is ({@link TextGuard}).
	 */
	public static String body(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw InvalidInputException.of("body", EMPTY);
		}
		var text = read("body", () -> new ByteArrayInputStream(bytes));
		int nul = text.indexOf('\u0000');
		if (nul >= 0) {
			// where, as a row of the file is named (try11: an account list's NUL was told
			// with no place in a file of thousands of lines)
			int lineStart = text.lastIndexOf('\n', nul) + 1;
			long line = text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
			throw InvalidInputException.of("body", TextGuard.NUL_TEXT + " (the first is on line " + line
					+ ", character " + (nul - lineStart + 1) + ")");
		}
		return text;
	}

	private static String read(String field, Source source) {
		try (var in = reader(source.open())) {
			var text = new StringWriter();
			in.transferTo(text);
			return text.toString();
		}
		catch (CharacterCodingException ex) {
			throw InvalidInputException.of(field, NOT_UTF8);
		}
		catch (IOException | UncheckedIOException ex) {
			throw InvalidInputException.of(field, "the upload could not be read");
		}
	}

}
