package com.trellis.shared;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every bad query parameter of a request whose binding stopped at the first unreadable
 * one (an unknown enum value, a date that is none, a number that is none): Spring MVC
 * reports that one alone, this reads the handler's other {@code @RequestParam}s from the
 * request with the same conversion service and adds each that cannot be read, and the
 * range of {@code page} and {@code size} ({@link PageRequest#problems}) when the handler
 * pages. So {@code ?status=BOGUS&page=-1&size=0} is answered with three errors in one
 * 400, as a list whose parameters all read names its bad page and size together.
 */
final class ParameterProblems {

	private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private ParameterProblems() {
	}

	/**
	 * The problems, the mismatched parameter's first (what it should be and its value),
	 * then the others in the handler's order: the API's problem detail and a page's 400
	 * ({@link PageErrors}) name the same ones.
	 */
	static List<InvalidInputException.FieldError> of(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			ConversionService conversions) {
		return of(ex, message(ex.getName(), ex.getRequiredType(), text(ex.getValue())), request, conversions);
	}

	/**
	 * The problems, the mismatched parameter's first (with {@code message}), then the
	 * others in the handler's order.
	 */
	static List<InvalidInputException.FieldError> of(MethodArgumentTypeMismatchException ex, String message,
			HttpServletRequest request, ConversionService conversions) {
		var problems = new ArrayList<InvalidInputException.FieldError>();
		problems.add(new InvalidInputException.FieldError(ex.getName(), message));
		var failing = ex.getParameter();
		if (request == null || conversions == null || failing.getMethod() == null) {
			return problems;
		}
		Integer page = null;
		Integer size = null;
		boolean pageRead = true;
		boolean paged = false;
		var method = failing.getMethod();
		for (int i = 0; i < method.getParameterCount(); i++) {
			var parameter = new MethodParameter(method, i);
			parameter.initParameterNameDiscovery(NAMES);
			var annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation == null) {
				continue;
			}
			var name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
			if (name == null) {
				continue;
			}
			var text = request.getParameter(name);
			if ((text == null || text.isEmpty()) && !ValueConstants.DEFAULT_NONE.equals(annotation.defaultValue())) {
				text = annotation.defaultValue();
			}
			boolean paging = ("page".equals(name) || "size".equals(name))
					&& Number.class.isAssignableFrom(boxed(parameter.getParameterType()));
			paged |= paging;
			Object value = null;
			if (text != null && !text.isEmpty() && parameter.getParameterType() != String.class) {
				try {
					value = conversions.convert(text, TypeDescriptor.valueOf(String.class),
							new TypeDescriptor(parameter));
				}
				catch (ConversionException | IllegalArgumentException failed) {
					if (!name.equals(ex.getName())) {
						problems.add(new InvalidInputException.FieldError(name,
								message(name, parameter.getParameterType(), text)));
					}
					pageRead &= !"page".equals(name);
					continue;
				}
			}
			if (paging && value instanceof Number number) {
				if ("page".equals(name)) {
					page = number.intValue();
				}
				else {
					size = number.intValue();
				}
			}
		}
		if (paged) {
			for (var range : PageRequest.problems(page == null ? 0 : page, size == null ? 25 : size)) {
				boolean known = problems.stream().anyMatch(p -> p.field().equals(range.field()));
				if (!known && (pageRead || !"page".equals(range.field()))) {
					problems.add(range);
				}
			}
		}
		return problems;
	}

	/**
	 * What parameter {@code name} of {@code type} must be, given the unreadable
	 * {@code text}: a whole number written in digits that does not fit the type is told
	 * it is out of range, not that it is no whole number ({@code page=99999999999}); a
	 * day written yyyy-mm-dd that the calendar has not that it names none.
	 */
	private static String message(String name, Class<?> type, String typed) {
		var text = Quoted.of(typed);
		if (type == java.time.LocalDate.class && !text.equals(text.strip())
				&& text.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
			// "+2026-10-01" in a query string arrives as " 2026-10-01"
			return "must be a date written yyyy-mm-dd without spaces or signs ('" + text
					+ "' has a space; a + in a web address is read as a space)";
		}
		if (type == java.time.LocalDate.class && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
			// written right, but no day: 2026-02-29, 2026-13-01
			return ExactJsonTypes.day(text);
		}
		var outside = outsideRange(type, text);
		if (outside != null) {
			boolean negative = text.strip().startsWith("-");
			if ("page".equals(name) || "size".equals(name)) {
				return negative ? "must be " + ("page".equals(name) ? "0" : "1") + " or more ('" + text + "' is not)"
						: "is too large ('" + text + "')";
			}
			return outside;
		}
		var expected = ExactJsonTypes.parameter(type);
		return expected != null ? expected + " ('" + text + "' is not)" : "cannot be read from '" + text + "'";
	}

	/**
	 * A parameter's value as text: the values of one given several times (a list's, say)
	 * joined by commas, never an array's Java name
	 * ({@code [Ljava.lang.String;@3fdca5d6}).
	 */
	static String text(Object value) {
		if (value instanceof Object[] values) {
			return String.join(",", java.util.Arrays.stream(values).map(String::valueOf).toList());
		}
		if (value instanceof java.util.Collection<?> values) {
			return String.join(",", values.stream().map(String::valueOf).toList());
		}
		return String.valueOf(value);
	}

	private static final java.util.Map<Class<?>, long[]> WHOLE_RANGES = java.util.Map.of(Integer.class,
			new long[] { Integer.MIN_VALUE, Integer.MAX_VALUE }, Long.class,
			new long[] { Long.MIN_VALUE, Long.MAX_VALUE }, Short.class, new long[] { Short.MIN_VALUE, Short.MAX_VALUE },
			Byte.class, new long[] { Byte.MIN_VALUE, Byte.MAX_VALUE });

	/**
	 * What whole-number text that its whole-number type cannot hold is told (its range),
	 * else null: digits that could not be read as the type were too many for it.
	 */
	static String outsideRange(Class<?> type, String text) {
		var range = WHOLE_RANGES.get(boxed(type));
		if (range == null || text == null || !text.strip().matches("[+-]?\\d+")) {
			return null;
		}
		return String.format(java.util.Locale.ROOT, "must be a whole number from %,d to %,d ('%s' is outside)",
				range[0], range[1], text);
	}

	private static Class<?> boxed(Class<?> type) {
		return type == int.class ? Integer.class : type == long.class ? Long.class
				: type == short.class ? Short.class : type == byte.class ? Byte.class : type;
	}

}
