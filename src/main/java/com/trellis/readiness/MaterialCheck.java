package com.trellis.readiness;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Whether an uploaded go-to-market file is taken: not empty, at most the size limit, of
 * an allowed type (PDF, PNG, JPEG, PowerPoint or Word) by its declared content type, its
 * file name's extension and its first bytes alike (a renamed executable is refused).
 */
final class MaterialCheck {

	/** Allowed content types by extension. */
	static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "png", "image/png", "jpg", "image/jpeg",
			"jpeg", "image/jpeg", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	/** The verdict: the content type to store, or the reason for refusing. */
	record Verdict(boolean taken, String contentType, String reason) {
	}

	private MaterialCheck() {
	}

	static Verdict check(String fileName, String declaredType, byte[] content, long maxBytes) {
		if (content == null || content.length == 0) {
			return refuse("the file is empty");
		}
		if (content.length > maxBytes) {
			return refuse("the file has " + content.length + " bytes; at most " + maxBytes + " are taken");
		}
		var name = fileName == null ? "" : fileName.strip();
		if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(c -> c < 32 || c == '/' || c == '\\')) {
			return refuse("the file needs a plain name of at most 200 characters");
		}
		int dot = name.lastIndexOf('.');
		var type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
		if (type == null) {
			return refuse("only PDF, PNG, JPEG, PowerPoint (.pptx) and Word (.docx) files are taken");
		}
		if (declaredType != null && !declaredType.isBlank() && !"application/octet-stream".equals(declaredType)
				&& !type.equals(declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT))) {
			return refuse("the declared content type " + declaredType + " does not match the file's name");
		}
		if (!startsAsItShould(type, content)) {
			return refuse("the file's content is not " + type);
		}
		return new Verdict(true, type, "taken");
	}

	private static boolean startsAsItShould(String type, byte[] content) {
		return switch (type) {
			case "application/pdf" -> startsWith(content, '%', 'P', 'D', 'F');
			case "image/png" -> startsWith(content, 0x89, 'P', 'N', 'G');
			case "image/jpeg" -> startsWith(content, 0xFF, 0xD8, 0xFF);
			default -> startsWith(content, 'P', 'K', 3, 4);
		};
	}

	private static boolean startsWith(byte[] content, int... head) {
		return content.length >= head.length && Arrays.equals(Arrays.copyOf(content, head.length), toBytes(head));
	}

	private static byte[] toBytes(int[] values) {
		var bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static Verdict refuse(String reason) {
		return new Verdict(false, null, reason);
	}

}
