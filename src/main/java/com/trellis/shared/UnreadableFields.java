package com.trellis.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.trellis.shared.InvalidInputException.FieldError;
import jakarta.validation.Valid;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A JSON body with fields that cannot be read ({@code "amount": "abc"}, an id out of the
 * range of a long, a property the request does not have) is not refused at its first such
 * field: each one is noted with its path, the rest of the body is read without them
 * ({@link UnreadableBody}), and the notes join the body's validation as field errors. A
 * validated body ({@code @Valid}) so names the unreadable fields together with the ones
 * that break an annotation, and a controller that takes the {@link BindingResult} adds
 * its service's checks ({@link BodyChecks}); any other body is refused with the
 * unreadable fields and the annotations the rest of it breaks, before its controller
 * runs. Nothing is ever done with a body that had an unreadable field. A required
 * true/false or number left out (or sent as null) is told "is required", each one named,
 * not what its value must look like. A list body of such objects (the stages, the
 * activation template) is refused with every item's unreadable fields and the annotations
 * its items break, each named after the body's parameter ({@code stages[1].normDays}). A
 * body that is neither, or that fails for another reason (malformed, a repeated
 * property), is read and refused as before.
 *
 * <p>
 * A body that reads as it is is read once: the value read here is handed on by
 * {@link #afterBodyRead} and the converter only reads a JSON null in its place (it read
 * the whole body a second time before: 3–4 % of a registration's request-thread CPU,
 * reg31). That holds when the converter would read it the same way, with the same mapper
 * from Unicode bytes and without a JSON view; otherwise the body goes to the converter.
 * This advice runs last ({@code LOWEST_PRECEDENCE}, after the {@code @ActsOn} rule's).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnreadableFields extends RequestBodyAdviceAdapter {

	private static final String NOTED = UnreadableFields.class.getName() + ".noted";

	/** This request's body as read before the converter ran ({@link Read}). */
	private static final String READ = UnreadableFields.class.getName() + ".read";

	/** What the converter is given once the body has been read here. */
	private static final byte[] JSON_NULL = "null".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private final ObjectMapper json;

	private final WholeNumberBounds bounds;

	private final BrokenRules rules;

	UnreadableFields(ObjectMapper json, WholeNumberBounds bounds, com.trellis.shared.validation.Commands commands) {
		this.json = json;
		this.bounds = bounds;
		this.rules = new BrokenRules(commands);
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType)
				&& (command(targetType) || targetType instanceof java.lang.reflect.ParameterizedType list
						&& list.getRawType() == List.class && command(list.getActualTypeArguments()[0]));
	}

	/** Whether the type is one of Trellis's own bodies (a command), not a JDK type. */
	private static boolean command(Type targetType) {
		return targetType instanceof Class<?> type && !type.isArray() && !type.isPrimitive()
				&& !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
				&& !JsonNode.class.isAssignableFrom(type) && !type.getName().startsWith("java.");
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body = input.getBody().readAllBytes();
		var type = this.json.constructType(targetType);
		var reader = this.json.readerFor(type);
		JacksonException refused = null;
		if (reusable(input.getHeaders(), parameter)) {
			Object read;
			try {
				// the usual body: read as it is, once; the converter then reads a JSON
				// null and afterBodyRead hands on this value
				read = reader.readValue(body);
			}
			catch (JacksonException ex) {
				read = null;
				refused = ex;
			}
			if (read != null) {
				RequestContextHolder.currentRequestAttributes()
					.setAttribute(READ, new Read(read), RequestAttributes.SCOPE_REQUEST);
				return message(JSON_NULL, input.getHeaders());
			}
		}
		byte[] readable = readable(body, type, refused);
		return message(readable == null ? body : readable, input.getHeaders());
	}

	/**
	 * Whether the converter would read the body as this advice does: Unicode text (no
	 * charset given, or UTF-8, -16 or -32, which the converter reads from the bytes as
	 * here, with the same mapper) and no JSON view on the parameter.
	 */
	private static boolean reusable(HttpHeaders headers, MethodParameter parameter) {
		var type = headers.getContentType();
		var charset = type == null ? null : type.getCharset();
		return (charset == null || charset.name().startsWith("UTF-"))
				&& !parameter.hasParameterAnnotation(com.fasterxml.jackson.annotation.JsonView.class);
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		var attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null && attributes.getAttribute(READ, RequestAttributes.SCOPE_REQUEST) instanceof Read read) {
			// what the converter made of the JSON null stands for nothing
			attributes.removeAttribute(READ, RequestAttributes.SCOPE_REQUEST);
			return read.value();
		}
		var noted = noted();
		if (noted == null) {
			return body;
		}
		if (body instanceof List<?> items) {
			// a list body (stages, milestones): every item's bad fields, named after the
			// body's parameter (stages[1].normDays), in one round
			throw new InvalidInputException(FieldRefusals.named(this.rules.ofItems(noted.errors(), items), parameter));
		}
		if (!validatedByBinder(parameter)) {
			throw new InvalidInputException(this.rules.of(noted.errors(), body));
		}
		RequestContextHolder.currentRequestAttributes()
			.setAttribute(NOTED, new Noted(noted.errors(), body), RequestAttributes.SCOPE_REQUEST);
		return body;
	}

	/** The body's validation names the fields that could not be read. */
	@InitBinder
	void nameUnreadable(WebDataBinder binder) {
		var noted = noted();
		if (noted != null && noted.body() != null && binder.getTarget() == noted.body()) {
			binder.addValidators(new Naming(noted.errors()));
		}
	}

	/**
	 * The body without its unreadable fields ({@link UnreadableBody}), which are noted
	 * for this request; null when it reads as it is, or cannot be read for another
	 * reason.
	 */
	private byte[] readable(byte[] body, tools.jackson.databind.JavaType type, JacksonException refused) {
		var read = UnreadableBody.without(this.json, this.json.readerFor(type), body, refused, this.bounds);
		if (read == null) {
			return null;
		}
		RequestContextHolder.currentRequestAttributes()
			.setAttribute(NOTED, new Noted(read.errors(), null), RequestAttributes.SCOPE_REQUEST);
		return read.body();
	}

	/**
	 * Whether the body is validated by its data binder ({@code @Valid} or
	 * {@code @Validated} on it, and no constraint on another parameter that would hand it
	 * to method validation instead).
	 */
	private static boolean validatedByBinder(MethodParameter parameter) {
		if (!(parameter.hasParameterAnnotation(Valid.class) || parameter.hasParameterAnnotation(Validated.class))) {
			return false;
		}
		for (var annotations : parameter.getExecutable().getParameterAnnotations()) {
			for (var annotation : annotations) {
				if (annotation.annotationType().isAnnotationPresent(jakarta.validation.Constraint.class)) {
					return false;
				}
			}
		}
		return true;
	}

	private static Noted noted() {
		var attributes = RequestContextHolder.getRequestAttributes();
		return attributes == null ? null : (Noted) attributes.getAttribute(NOTED, RequestAttributes.SCOPE_REQUEST);
	}

	private static HttpInputMessage message(byte[] body, HttpHeaders headers) {
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		};
	}

	/**
	 * A body read as it is by this advice, handed on in place of the converter's read.
	 */
	private record Read(Object value) {
	}

	/** The unreadable fields of this request's body, and the body read without them. */
	private record Noted(List<FieldError> errors, Object body) {
	}

	/** Adds the unreadable fields to the body's binding result as binding failures. */
	private record Naming(List<FieldError> errors) implements Validator {

		@Override
		public boolean supports(Class<?> type) {
			return true;
		}

		@Override
		public void validate(Object target, Errors errors) {
			var result = (BindingResult) errors;
			for (var error : this.errors) {
				result.addError(new org.springframework.validation.FieldError(result.getObjectName(), error.field(),
						null, true, null, null, error.message()));
			}
		}

	}

}
