package com.trellis.shared;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a NUL character in any request parameter, path variable, JSON string or text
 * body, naming where it was (PostgreSQL cannot store NUL in text, and no user types one),
 * and an upload holding two files under one name. Runs after the role check, so a caller
 * without the role learns nothing from it, and only before an operation: a path no
 * operation serves answers its 404 whatever its query holds.
 */
@Configuration(proxyBeanMethods = false)
class TextGuard implements WebMvcConfigurer, HandlerInterceptor {

	static final String NUL_TEXT = "must not contain a NUL character";

	static final String UTF8_TEXT = "the request is not valid UTF-8 here; send the text encoded as UTF-8";

	/** A form post over the container's limit (Tomcat's default, 2 MB). */
	static final String TOO_LARGE_TEXT = "the form is larger than 2 MB, the most one form may send; shorten its longest text";

	/** A request with more fields than the container reads (Tomcat's default, 1,000). */
	static final String TOO_MANY_TEXT = "has more than 1,000 fields, the most one request may send";

	static final String CONTROL_NAME_TEXT = RejectedRequests.CONTROL_NAME_TEXT;

	private static final Pattern UNREADABLE_PARAMETER = Pattern.compile("Parameter \\[([^\\]]*)\\]");

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(0);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!guards(request, handler)) {
			return true; // no operation reads them: an unknown path answers its 404
		}
		for (var parameter : parameters(request).entrySet()) {
			refuseNul(parameter.getKey(), parameter.getKey());
			for (var value : parameter.getValue()) {
				refuseNul(parameter.getKey(), value);
			}
		}
		var multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
				org.springframework.web.multipart.MultipartHttpServletRequest.class);
		if (multipart != null) {
			// no operation takes two files under one name: the second was dropped unsaid
			// (s55)
			multipart.getMultiFileMap().forEach((name, files) -> {
				if (files.size() > 1) {
					throw InvalidInputException.of(name,
							"holds " + files.size() + " files; send one file under this name");
				}
			});
		}
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			variables.forEach((name, value) -> refuseNul(String.valueOf(name), String.valueOf(value)));
		}
		return true;
	}

	/**
	 * Whether the input guards (this one, {@link WholeNumbers},
	 * {@link RepeatedParameters}, {@link UnknownQueryParameters}) look at a request for
	 * this handler: an operation's, not the error page's. The error dispatch of a request
	 * refused for its record or role (404, 403) carries the same parameters; guarded
	 * again, a NUL in a field turned the refusal into a 400 about the input (try01,
	 * try02).
	 */
	static boolean guards(HttpServletRequest request, Object handler) {
		return handler instanceof org.springframework.web.method.HandlerMethod
				&& request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR;
	}

	/**
	 * The request's parameters; the server refuses to read them when their bytes are not
	 * valid UTF-8, which is refused here naming the parameter where the server says
	 * which, and the firewall refuses a name holding a control character (a NUL, a line
	 * break), refused here as {@link #CONTROL_NAME_TEXT} (the name itself is not echoed),
	 * or a value it was told to refuse, named by its parameter
	 * ({@link RejectedRequests}).
	 */
	static Map<String, String[]> parameters(HttpServletRequest request) {
		try {
			return request.getParameterMap();
		}
		catch (org.springframework.security.web.firewall.RequestRejectedException ex) {
			throw new InvalidInputException(java.util.List.of(RejectedRequests.of(ex)));
		}
		catch (IllegalStateException ex) {
			var why = ex.getMessage() == null ? "" : ex.getMessage();
			// the container refuses a form too large or with too many fields before it
			// reads any of it: not a question of encoding
			if (why.contains("size of the posted data was too big")) {
				throw InvalidInputException.of("request", TOO_LARGE_TEXT);
			}
			if (why.contains("maximum number of request parameters")) {
				throw InvalidInputException.of("request", TOO_MANY_TEXT);
			}
			var named = UNREADABLE_PARAMETER.matcher(why);
			var field = named.find() && named.group(1).matches("[A-Za-z0-9_.\\[\\]-]+") ? named.group(1) : "request";
			throw InvalidInputException.of(field, UTF8_TEXT);
		}
	}

	static void refuseNul(String field, String value) {
		if (value != null && value.indexOf('\0') >= 0) {
			throw InvalidInputException.of(field, NUL_TEXT);
		}
	}

	/** Every string read from JSON (the error names its path). */
	@Bean
	JacksonModule nulRefusingStrings() {
		return new SimpleModule("nul-refusing-strings").addDeserializer(String.class, new StringDeserializer() {

			@Override
			public String deserialize(JsonParser parser, DeserializationContext context) {
				var text = super.deserialize(parser, context);
				if (text != null && text.indexOf('\0') >= 0) {
					return (String) context.handleWeirdStringValue(String.class, text, NUL_TEXT);
				}
				return text;
			}

		});
	}

	/** Bodies read as plain text, such as a CSV import. */
	@ControllerAdvice
	static class TextBodies extends RequestBodyAdviceAdapter {

		@Override
		public boolean supports(MethodParameter parameter, Type targetType,
				Class<? extends HttpMessageConverter<?>> converterType) {
			return String.class.equals(targetType);
		}

		@Override
		public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
				Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
			refuseNul("body", (String) body);
			return body;
		}

	}

}
