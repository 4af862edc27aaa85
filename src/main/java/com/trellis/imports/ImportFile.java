package com.trellis.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.trellis.shared.TextUpload;

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
			return TextUpload.reader(bytes());
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
	 * The uploaded file (kept on disk by the servlet container), null when none was
	 * chosen; refused naming {@code field} when it was chosen with no bytes or is not
	 * UTF-8 text ({@link TextUpload#checked}, streaming).
	 */
	static ImportFile of(String field, MultipartFile file) {
		var checked = TextUpload.checked(field, file);
		return checked == null ? null : checked::open;
	}

}
