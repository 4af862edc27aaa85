package com.trellis.shared;

import java.util.List;

import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.validation.Commands;

/**
 * What a JSON body with unreadable fields is refused with besides them
 * ({@link UnreadableFields}): the rules of its type that the rest of it breaks, so every
 * bad field is named in one round.
 */
final class BrokenRules {

	private final Commands commands;

	BrokenRules(Commands commands) {
		this.commands = commands;
	}

	/**
	 * The unreadable fields, then the rules of the body's type that the rest of it breaks
	 * (its annotations, which its service or method validation checks once it reads): so
	 * a body its binder does not validate names every bad field in one round too (try19,
	 * try69: a type error hid a rule error in another field). A field taken out, or
	 * inside one, is named only as unreadable.
	 */
	List<FieldError> of(List<FieldError> unreadable, Object body) {
		if (body == null) {
			return unreadable;
		}
		return joined(unreadable, this.commands.errors(body));
	}

	/**
	 * As {@link #of} for a list body: each item's annotations, its fields named by the
	 * item's place ({@code [1].normDays}); a null item is told it is required.
	 */
	List<FieldError> ofItems(List<FieldError> unreadable, List<?> items) {
		var broken = new java.util.ArrayList<FieldError>();
		for (int i = 0; i < items.size(); i++) {
			var item = items.get(i);
			if (item == null) {
				broken.add(new FieldError("[" + i + "]", RequiredFields.REQUIRED));
				continue;
			}
			for (var error : this.commands.errors(item)) {
				broken.add(new FieldError("[" + i + "]." + error.field(), error.message()));
			}
		}
		return joined(unreadable, broken);
	}

	/** The unreadable fields, then the broken rules of the fields not taken out. */
	private static List<FieldError> joined(List<FieldError> unreadable, List<FieldError> broken) {
		var all = new java.util.ArrayList<>(unreadable);
		broken.stream()
			.filter(error -> unreadable.stream().noneMatch(u -> within(error.field(), u.field())))
			.forEach(all::add);
		return all;
	}

	private static boolean within(String field, String taken) {
		return field.equals(taken) || field.startsWith(taken + ".") || field.startsWith(taken + "[");
	}

}
