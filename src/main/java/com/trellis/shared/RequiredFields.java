package com.trellis.shared;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.node.ObjectNode;

/**
 * A required field of a JSON body left out, or sent as null: a true/false or a number
 * that has no "nothing" ({@code boolean}, {@code int}, {@code long}, {@code double}), or
 * a property the type marks required. Jackson refuses it as a value it cannot map, and
 * {@link UnreadableFields} and the API's error answer would tell it what its value must
 * look like ("must be true or false"); it is told {@link #REQUIRED} instead, each such
 * field of the body named at once.
 */
final class RequiredFields {

	/** What a required field left out of the body, or sent as null, is told. */
	static final String REQUIRED = "is required";

	private RequiredFields() {
	}

	/**
	 * Puts a stand-in value (false, 0) for a required true/false or number field left out
	 * of the tree or sent as null; false when the error is about no such field.
	 */
	static boolean standIn(JsonNode tree, MismatchedInputException ex) {
		var path = ex.getPath();
		var type = ex.getTargetType();
		var object = parentOf(tree, path);
		if (object == null || type == null || !type.isPrimitive()) {
			return false;
		}
		var name = path.get(path.size() - 1).getPropertyName();
		if (type == boolean.class) {
			object.put(name, false);
		}
		else if (type == char.class) {
			object.put(name, " ");
		}
		else {
			object.put(name, 0);
		}
		return true;
	}

	/**
	 * Whether the error is a required field left out or sent as null (a true/false or a
	 * number that has no "nothing", or a property the type marks required): told
	 * {@link #REQUIRED}, not what its value must look like.
	 */
	static boolean missing(JacksonException ex) {
		var original = ex.getOriginalMessage();
		return original != null
				&& (original.startsWith("Cannot map `null` into type") || original.startsWith("Cannot coerce `null` to")
						|| original.startsWith("Missing required creator property")
						|| original.startsWith("Null value for creator property"));
	}

	/**
	 * The object holding the field a path names (its last step a property), or null when
	 * the path names no field of the tree.
	 */
	static ObjectNode parentOf(JsonNode tree, java.util.List<JacksonException.Reference> path) {
		if (path.isEmpty() || path.get(path.size() - 1).getPropertyName() == null) {
			return null;
		}
		JsonNode node = tree;
		for (var reference : path.subList(0, path.size() - 1)) {
			node = reference.getPropertyName() != null ? node.get(reference.getPropertyName())
					: node.get(reference.getIndex());
			if (node == null) {
				return null;
			}
		}
		return node instanceof ObjectNode object ? object : null;
	}

}
