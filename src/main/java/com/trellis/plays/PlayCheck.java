package com.trellis.plays;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import com.trellis.partners.PartnerType;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.validation.Commands;
import com.trellis.shared.validation.DistinctLabels;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Checks a written play in one round: the bean constraints of {@link PlayCommand} and the
 * sales moment, role and partner types as one of their values, every bad field named in
 * one {@link InvalidInputException}. Returns the play as the library stores it. A value
 * that is none of the choices is named with the labels of {@code messages.properties}:
 * the API's answer also names the codes it accepts, a page's only the words its reader
 * chose from.
 */
@Component
class PlayCheck {

	/** How the choices are named in an error. */
	enum Naming {

		/** The API: each accepted code with its label ("DISCOVERY (Discovery)"). */
		CODES,

		/** A page form: the labels its reader chose from. */
		WORDS

	}

	private final Validator validator;

	private final MessageSource messages;

	PlayCheck(Validator validator, MessageSource messages) {
		this.validator = validator;
		this.messages = messages;
	}

	Written check(PlayCommand command, Naming naming) {
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		var errors = new ArrayList<FieldError>();
		var moment = choice(command.moment(), SalesMoment.class, "moment", naming, errors);
		var role = choice(command.role(), PlayRole.class, "role", naming, errors);
		var types = EnumSet.noneOf(PartnerType.class);
		for (int i = 0; i < command.partnerTypes().size(); i++) {
			var type = choice(command.partnerTypes().get(i), PartnerType.class, "partnerTypes[" + i + "]", naming,
					errors);
			if (type != null) {
				types.add(type);
			}
		}
		var named = errors.stream().map(FieldError::field).toList();
		this.validator.validate(command)
			.stream()
			.filter(v -> !named.contains(Commands.field(v)))
			.forEach(v -> errors.add(new FieldError(Commands.field(v), v.getMessage())));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(
					errors.stream().distinct().sorted(Comparator.comparing(FieldError::field)).toList());
		}
		return new Written(command.title().strip(), moment, role, command.buyer().strip(), command.whyPartner().strip(),
				command.whenToBring().strip(), command.problem().strip(), List.copyOf(types),
				distinct(command.verticals()), distinct(command.capabilities()));
	}

	private <E extends Enum<E>> E choice(String value, Class<E> type, String field, Naming naming,
			List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			if (naming == Naming.WORDS && !field.startsWith("partnerTypes")) {
				errors.add(new FieldError(field, "choose one of " + choices(type, naming)));
			}
			return null; // otherwise the bean constraint names a missing value
		}
		try {
			// exact, as every choice of the API: "discovery" is no moment
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError(field, naming == Naming.WORDS ? "choose one of " + choices(type, naming)
					: "must be one of " + choices(type, naming) + ", not '" + shortened(value.strip()) + "'"));
			return null;
		}
	}

	/** The choices of a type: their labels, with their codes for the API. */
	private <E extends Enum<E>> String choices(Class<E> type, Naming naming) {
		return EnumSet.allOf(type)
			.stream()
			.map(e -> naming == Naming.WORDS ? label(e) : e.name() + " (" + label(e) + ")")
			.collect(Collectors.joining(", "));
	}

	/** The label a page shows for a choice ({@code messages.properties}). */
	String label(Enum<?> choice) {
		var key = (choice instanceof SalesMoment ? "plays.moment."
				: choice instanceof PlayRole ? "plays.role." : "code.") + choice.name();
		return this.messages.getMessage(key, null, choice.name(), LocaleContextHolder.getLocale());
	}

	private static String shortened(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "…";
	}

	/** Each label once, ignoring case, as first written ({@link DistinctLabels}). */
	private static List<String> distinct(List<String> values) {
		return DistinctLabels.of(values).stream().map(String::strip).toList();
	}

	/** A play checked and ready to store. */
	record Written(String title, SalesMoment moment, PlayRole role, String buyer, String whyPartner, String whenToBring,
			String problem, List<PartnerType> partnerTypes, List<String> verticals, List<String> capabilities) {

		/**
		 * Whether this says exactly what the version does: saving it would write an
		 * identical version, so it is not written.
		 */
		boolean sameAs(PlayView version) {
			return this.title.equals(version.title()) && this.moment == version.moment() && this.role == version.role()
					&& this.buyer.equals(version.buyer()) && this.whyPartner.equals(version.whyPartner())
					&& this.whenToBring.equals(version.whenToBring()) && this.problem.equals(version.problem())
					&& this.partnerTypes.equals(version.partnerTypes()) && this.verticals.equals(version.verticals())
					&& this.capabilities.equals(version.capabilities());
		}

	}

}
