package com.trellis.process;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * A refused stage form's errors as its page shows them: the checklist's items
 * ({@code checklist[2]}, counted without the blank lines the form drops) named by the
 * line they were typed on, blank lines counted as the text area shows them ("line 4: must
 * be at most 120 characters"), under the one field {@code checklist}; every other error
 * as it is.
 */
final class StageFormErrors {

	private static final Pattern ITEM = Pattern.compile("checklist\\[(\\d+)]");

	private StageFormErrors() {
	}

	static InvalidInputException byTypedLine(InvalidInputException refused, String checklist) {
		var typedLines = new ArrayList<Integer>();
		var lines = checklist.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).strip().isEmpty()) {
				typedLines.add(i + 1);
			}
		}
		var errors = new ArrayList<FieldError>();
		var items = new ArrayList<String>();
		for (var error : refused.errors()) {
			var item = ITEM.matcher(error.field());
			if (item.matches()) {
				int index = Integer.parseInt(item.group(1));
				int line = index < typedLines.size() ? typedLines.get(index) : index + 1;
				items.add("line " + line + ": " + error.message());
			}
			else {
				errors.add(error);
			}
		}
		if (!items.isEmpty()) {
			errors.add(new FieldError("checklist", String.join("; ", items)));
		}
		return new InvalidInputException(List.copyOf(errors));
	}

}
