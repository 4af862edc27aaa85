package com.trellis.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.trellis.shared.InvalidInputException.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.util.RawValue;

/**
 * A JSON body read without the fields that cannot be read, each one noted with its path
 * and what it is told ({@link FieldRefusals}): a value of the wrong type or form, a
 * number out of its field's range ({@code 99999999999999999999} for an id, which fits no
 * long), a property the type does not have, a required field left out, a property given
 * more than once (at any depth; each of its values is dropped, none is chosen). Each is
 * taken out (a required one held by a stand-in) and the rest read again, until it reads;
 * so one field never hides another, whatever their order. No Spring here: the
 * request-body advice {@link UnreadableFields} hands the result on.
 * <p>
 * The body is taken apart as a tree whose numbers keep the text they were sent as, so
 * that a number is read again exactly as sent: {@code 1e400} is still refused for its
 * exponent ({@link PlainDecimals}), and an amount's decimals are kept.
 */
final class UnreadableBody {

	/** How many unreadable fields one body may have before it is refused as it is. */
	private static final int MOST = 50;

	private UnreadableBody() {
	}

	/**
	 * The body without its unreadable fields, and those fields; null when it reads as it
	 * is, or cannot be read for another reason than its fields (not JSON, not an object),
	 * so that it is refused as before.
	 * @param refused what reading the body as it is refused, or null to read it here
	 * @param bounds the fields' own bounds, told of a whole number beyond its type
	 */
	static Read without(ObjectMapper json, ObjectReader reader, byte[] body, JacksonException refused,
			WholeNumberBounds bounds) {
		if (refused == null) {
			try {
				reader.readValue(body);
				return null;
			}
			catch (JacksonException ex) {
				refused = ex;
			}
		}
		boolean repeated = FieldRefusals.repeated(refused) != null;
		var twice = new ArrayList<String>();
		if (!(repeated || FieldRefusals.ofOneField(refused))) {
			return null;
		}
		// an object, or a list of them (a list body's items are named by their place)
		var tree = tree(json, body, twice);
		if (tree == null || !(tree.isObject() || tree.isArray())) {
			return null;
		}
		var errors = new ArrayList<FieldError>();
		twice.forEach(field -> errors.add(new FieldError(field, FieldRefusals.REPEATED)));
		byte[] current;
		if (repeated) {
			// refused for a repeated property: the tree is without them now
			if (twice.isEmpty()) {
				return null;
			}
			try {
				current = json.writeValueAsBytes(tree);
				reader.readValue(current);
				return new Read(current, List.copyOf(errors));
			}
			catch (JacksonException ex) {
				if (!FieldRefusals.ofOneField(ex)) {
					return null;
				}
				refused = ex;
			}
		}
		for (int round = 0;; round++) {
			if (round == MOST || !takeOut(tree, refused)) {
				return null;
			}
			// a field refused for its value, then missing once taken out, is named once
			var field = FieldRefusals.field(refused);
			if (errors.stream().noneMatch(e -> e.field().equals(field))) {
				errors.add(new FieldError(field, FieldRefusals.message(refused, bounds)));
			}
			try {
				current = json.writeValueAsBytes(tree);
				reader.readValue(current);
				break;
			}
			catch (JacksonException ex) {
				if (!FieldRefusals.ofOneField(ex)) {
					return null;
				}
				refused = ex;
			}
		}
		return new Read(current, List.copyOf(errors));
	}

	/**
	 * Takes the refused field out of the tree, or holds a required one left out by a
	 * stand-in ({@link RequiredFields}); false when the refusal names no field of it.
	 */
	private static boolean takeOut(JsonNode tree, JacksonException refused) {
		if (refused instanceof MismatchedInputException mismatch && RequiredFields.missing(mismatch)) {
			return RequiredFields.standIn(tree, mismatch);
		}
		var path = refused.getPath();
		var parent = RequiredFields.parentOf(tree, path);
		return parent != null && parent.remove(path.get(path.size() - 1).getPropertyName()) != null;
	}

	/**
	 * The body as a tree, each number held as the text it was sent as, without the
	 * properties it gives more than once, whose paths are added to {@code twice}; null
	 * when it is not one JSON value (malformed, more after its end).
	 */
	private static JsonNode tree(ObjectMapper json, byte[] body, List<String> twice) {
		try (var parser = json.reader().without(StreamReadFeature.STRICT_DUPLICATE_DETECTION).createParser(body)) {
			if (parser.nextToken() == null) {
				return null;
			}
			var tree = node(parser, json.getNodeFactory(), "", twice);
			return parser.nextToken() == null ? tree : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static JsonNode node(JsonParser parser, JsonNodeFactory nodes, String path, List<String> twice) {
		var token = parser.currentToken();
		if (token == JsonToken.START_OBJECT) {
			var object = nodes.objectNode();
			var repeated = new LinkedHashSet<String>();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				var name = parser.currentName();
				parser.nextToken();
				var field = path.isEmpty() ? name : path + "." + name;
				var value = node(parser, nodes, field, twice);
				if (object.has(name)) {
					repeated.add(name);
				}
				object.set(name, value);
			}
			for (var name : repeated) {
				object.remove(name);
				twice.add(path.isEmpty() ? name : path + "." + name);
			}
			return object;
		}
		if (token == JsonToken.START_ARRAY) {
			var array = nodes.arrayNode();
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				array.add(node(parser, nodes, path + "[" + array.size() + "]", twice));
			}
			return array;
		}
		return switch (token) {
			case VALUE_STRING -> nodes.stringNode(parser.getString());
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> nodes.rawValueNode(new RawValue(parser.getString()));
			case VALUE_TRUE -> nodes.booleanNode(true);
			case VALUE_FALSE -> nodes.booleanNode(false);
			default -> nodes.nullNode();
		};
	}

	/** A body read without its unreadable fields, and what each of them is told. */
	record Read(byte[] body, List<FieldError> errors) {
	}

}
