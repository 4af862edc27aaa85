package com.trellis.cadence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The fonts embedded in every PDF, so that a name renders as typed on any machine and
 * reads back as text: DejaVu Sans (Latin with its extensions, Greek, Cyrillic), from the
 * {@code jasperreports-fonts} artifact on the class path, never from the system or the
 * network. Each face is subset into the file. It is the document's font
 * ({@code font-family: 'DejaVu Sans'}) and also the fallback for any other family, so no
 * character falls back to the PDF base fonts, which know only Latin-1 and print {@code #}
 * for the rest.
 * <p>
 * No artifact of the build ships a CJK TrueType font, so Chinese, Japanese and Korean
 * text uses Debian's {@code fonts-droid-fallback} package when it is installed
 * ({@code bin/test} installs it; see the README): its Droid Sans Fallback file is
 * embedded as the last fallback. Without it, CJK characters print as {@code #}.
 */
final class PdfFonts {

	static final String FAMILY = "DejaVu Sans";

	private static final String FOLDER = "/net/sf/jasperreports/fonts/dejavu/";

	private static final List<Face> FACES = List.of(new Face("DejaVuSans.ttf", 400, FontStyle.NORMAL),
			new Face("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
			new Face("DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
			new Face("DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC));

	/**
	 * Debian's {@code fonts-droid-fallback} (CJK ideographs and kana) and
	 * {@code fonts-nanum} (Hangul), each used when installed.
	 */
	static final List<Path> CJK_FALLBACKS = List.of(
			Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
			Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"));

	private static final Map<String, byte[]> LOADED = new ConcurrentHashMap<>();

	private PdfFonts() {
	}

	static void register(PdfRendererBuilder builder) {
		for (var face : FACES) {
			builder.useFont(() -> open(face.file()), FAMILY, face.weight(), face.style(), true,
					EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE));
		}
		for (var file : CJK_FALLBACKS) {
			if (Files.isReadable(file)) {
				builder.useFont(file.toFile(), file.getFileName().toString(), 400, FontStyle.NORMAL, true,
						EnumSet.of(FSFontUseCase.FALLBACK_FINAL));
			}
		}
	}

	/** The font file, read from the class path once. */
	private static InputStream open(String file) {
		var bytes = LOADED.computeIfAbsent(file, PdfFonts::read);
		return new ByteArrayInputStream(bytes);
	}

	private static byte[] read(String file) {
		try (var stream = PdfFonts.class.getResourceAsStream(FOLDER + file)) {
			if (stream == null) {
				throw new IllegalStateException(
						"Font " + file + " is missing from the class path (jasperreports-fonts)");
			}
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Face(String file, int weight, FontStyle style) {
	}

}
