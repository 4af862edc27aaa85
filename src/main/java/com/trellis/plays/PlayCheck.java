package com.trellis.plays;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import com.trellis.partners.PartnerType;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Checks a written play in one round: the bean constraints of {@link PlayCommand} and the
 * sales moment, role and partner types as one of their values, every bad field named in
 * one {@link InvalidInputException}. Returns the play as the library stores it.
 */
@Component
class PlayCheck {

	private final Validator validator;

	PlayCheck(Validator validator) {
		this.validator = validator;
	}

	Written check(PlayCommand command) {
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		var errors = new ArrayList<FieldError>();
		this.validator.validate(command)
			.forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
		var moment = choice(command.moment(), SalesMoment.class, "moment", errors);
		var role = choice(command.role(), PlayRole.class, "role", errors);
		var types = EnumSet.noneOf(PartnerType.class);
		for (int i = 0; i < command.partnerTypes().size(); i++) {
			var type = choice(command.partnerTypes().get(i), PartnerType.class, "partnerTypes[" + i + "]", errors);
			if (type != null) {
				types.add(type);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(
					errors.stream().distinct().sorted(Comparator.comparing(FieldError::field)).toList());
		}
		return new Written(command.title().strip(), moment, role, command.buyer().strip(), command.whyPartner().strip(),
				command.whenToBring().strip(), command.problem().strip(), List.copyOf(types),
				distinct(command.verticals()), distinct(command.capabilities()));
	}

	private static <E extends Enum<E>> E choice(String value, Class<E> type, String field, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null; // the bean constraint names a missing value
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			var allowed = EnumSet.allOf(type).stream().map(Enum::name).toList();
			errors.add(new FieldError(field,
					"must be one of " + String.join(", ", allowed) + ", not '" + shortened(value.strip()) + "'"));
			return null;
		}
	}

	private static String shortened(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "…";
	}

	private static List<String> distinct(List<String> values) {
		return values.stream().map(String::strip).distinct().toList();
	}

	/** A play checked and ready to store. */
	record Written(String title, SalesMoment moment, PlayRole role, String buyer, String whyPartner, String whenToBring,
			String problem, List<PartnerType> partnerTypes, List<String> verticals, List<String> capabilities) {
	}

}
