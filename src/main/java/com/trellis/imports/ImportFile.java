package com.trellis.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.trellis.shared.InvalidInputException;

import org.springframework.web.multipart.MultipartFile;

/**
 * One file of an export, read as UTF-8 text from where it is kept (the upload on disk,
 * the stored upload, a test's text) as often as needed, without holding it in memory.
 */
@FunctionalInterface
interface ImportFile {

	InputStream bytes() throws IOException;

	/** The file as UTF-8 text; a byte that is no UTF-8 fails the reading. */
	default Reader open() {
		try {
			return new InputStreamReader(bytes(),
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The whole file as text (small files: HubSpot's). */
	default String text() {
		try (var in = open()) {
			var text = new StringWriter();
			in.transferTo(text);
			return text.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ImportFile of(String text) {
		return text == null ? null : () -> new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The uploaded file (kept on disk by the servlet container), null when none was sent;
	 * refused naming {@code field} when it is not UTF-8 text (checked once, streaming).
	 */
	static ImportFile of(String field, MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		ImportFile upload = file::getInputStream;
		try (var in = upload.open()) {
			char[] buffer = new char[1 << 16];
			while (in.read(buffer) != -1) {
				// decoding is the check
			}
		}
		catch (CharacterCodingException ex) {
			throw InvalidInputException.of(field, "not UTF-8 text; save the export as UTF-8 CSV");
		}
		catch (IOException | UncheckedIOException ex) {
			throw InvalidInputException.of(field, "the upload could not be read");
		}
		return upload;
	}

}
