package com.trellis.shared;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;

import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A whole number too large or too small for its Java type, in a field with bounds of its
 * own ({@code @Min(1) @Max(730)} on a number of days), is told the bound it breaks, as a
 * number that fits would be ("must be less than or equal to 730"), on a page form and in
 * a JSON body alike (try68b: both told 99999999999 the range of an int). The bound is
 * read through the application's validator, given the nearest number the type holds, so
 * the message is the field's own. A field without such a bound keeps being told its
 * type's range ({@link ParameterProblems#outsideRange},
 * {@link ExactJsonTypes#outOfRange}).
 */
@ControllerAdvice
public class WholeNumberBounds {

	/** The code of a page form's field error that carries the field's own bound. */
	static final String CODE = "typeMismatch.outsideBounds";

	/** The nearest number each whole-number type holds, below and above its range. */
	private static final Map<Class<?>, Object[]> ENDS = Map.of(Integer.class,
			new Object[] { Integer.MIN_VALUE, Integer.MAX_VALUE }, Long.class,
			new Object[] { Long.MIN_VALUE, Long.MAX_VALUE }, Short.class,
			new Object[] { Short.MIN_VALUE, Short.MAX_VALUE }, Byte.class,
			new Object[] { Byte.MIN_VALUE, Byte.MAX_VALUE });

	/**
	 * Jackson's words for the number it could not fit: "Numeric value (-99999999999) …".
	 */
	private static final Pattern JSON_NUMBER = Pattern.compile("\\((-?)\\d+\\)");

	private final Validator validator;

	WholeNumberBounds(Validator validator) {
		this.validator = validator;
	}

	/**
	 * The messages of the constraints that {@code owner}'s property breaks with a value
	 * beyond its type's range, joined by "; "; null when it breaks none, or the property
	 * or type is not one this can tell.
	 * @param owner the class whose property it is (a request record, a form)
	 * @param property the property's own name ({@code protectionDays}; a path is not
	 * read)
	 * @param type the property's whole-number type ({@code int}, {@code long} or a box)
	 * @param negative whether the value was below the type's range
	 */
	String broken(Class<?> owner, String property, Class<?> type, boolean negative) {
		var ends = ENDS.get(org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type));
		if (owner == null || ends == null || property == null || !property.matches("[A-Za-z_$][\\w$]*")) {
			return null;
		}
		try {
			var broken = this.validator.validateValue(owner, property, ends[negative ? 0 : 1]);
			return broken.isEmpty() ? null
					: broken.stream().map(ConstraintViolation::getMessage).sorted().collect(Collectors.joining("; "));
		}
		catch (ValidationException | IllegalArgumentException ex) {
			// not a property the validator knows (a creator's parameter of another name)
			return null;
		}
	}

	/**
	 * What a number of a JSON body that fits no whole number of its type breaks among its
	 * field's bounds (the property and its class from the refusal's path); null when the
	 * refusal is another, or the field has no such bound.
	 */
	String of(JacksonException ex) {
		if (!(ex instanceof InputCoercionException coercion) || ex.getPath().isEmpty()) {
			return null;
		}
		var at = ex.getPath().get(ex.getPath().size() - 1);
		var from = at.from();
		var owner = from instanceof Class<?> type ? type : from == null ? null : from.getClass();
		var number = JSON_NUMBER.matcher(String.valueOf(ex.getOriginalMessage()));
		boolean negative = number.find() && !number.group(1).isEmpty();
		return broken(owner, at.getPropertyName(), coercion.getTargetType(), negative);
	}

	/** Page forms' whole numbers beyond their type are told their field's bound. */
	@InitBinder
	void bounds(WebDataBinder binder) {
		var owner = binder.getTarget() != null ? binder.getTarget().getClass()
				: binder.getTargetType() != null ? binder.getTargetType().resolve() : null;
		if (owner != null) {
			binder.setBindingErrorProcessor(new Forms(owner));
		}
	}

	/**
	 * Records a whole number that its type cannot hold with its field's bound as the
	 * message (code {@link #CODE}, kept as a binding failure so that the form keeps what
	 * was typed); every other failure as Spring does.
	 */
	private final class Forms extends DefaultBindingErrorProcessor {

		private final Class<?> owner;

		Forms(Class<?> owner) {
			this.owner = owner;
		}

		@Override
		public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
			var text = ex.getValue() == null ? null : ParameterProblems.text(ex.getValue());
			var bound = ex instanceof TypeMismatchException mismatch
					&& ParameterProblems.outsideRange(mismatch.getRequiredType(), text) != null
							? broken(this.owner, ex.getPropertyName(), mismatch.getRequiredType(),
									text.strip().startsWith("-"))
							: null;
			if (bound == null) {
				super.processPropertyAccessException(ex, result);
				return;
			}
			var field = ex.getPropertyName();
			var codes = result.resolveMessageCodes(ex.getErrorCode(), field);
			var all = java.util.Arrays.copyOf(codes, codes.length + 1);
			all[codes.length] = CODE;
			var error = new FieldError(result.getObjectName(), field, ex.getValue(), true, all,
					getArgumentsForBindError(result.getObjectName(), field), bound);
			error.wrap(ex);
			result.addError(error);
		}

	}

}
