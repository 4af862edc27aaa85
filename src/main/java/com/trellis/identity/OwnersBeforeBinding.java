package com.trellis.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Runs a handler's {@link ActsOn} rule before its arguments are bound: after the role
 * rule ({@link RolesBeforeBinding}) and before anything of the request is validated. A
 * rule on the path runs here; a rule on the body runs on the form parameters here, or on
 * the JSON body just before it is converted ({@link JsonBodies}).
 */
@Configuration(proxyBeanMethods = false)
class OwnersBeforeBinding implements WebMvcConfigurer, HandlerInterceptor {

	private final ApplicationContext context;

	OwnersBeforeBinding(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE + 1);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(ActsOn.class)) {
			return true;
		}
		var rule = method.getMethodAnnotation(ActsOn.class);
		if (rule.from() == ActsOn.From.PATH) {
			var variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			check(this.context, rule, name -> (variables instanceof Map<?, ?> map && map.get(name) != null)
					? String.valueOf(map.get(name)) : null);
		}
		else if (!isJson(request) || !readsBody(method)) {
			// form parameters, or the query of a handler that reads no body (whatever
			// content type the caller sends)
			var parameters = com.trellis.shared.ReadableParameters.of(request);
			check(this.context, rule, name -> {
				var values = parameters.get(name);
				return values == null || values.length == 0 ? null : values[0];
			});
		}
		return true;
	}

	private static boolean readsBody(HandlerMethod method) {
		return java.util.Arrays.stream(method.getMethodParameters())
			.anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class));
	}

	private static boolean isJson(HttpServletRequest request) {
		return request.getContentType() != null && request.getContentType().toLowerCase().contains("json");
	}

	static void check(ApplicationContext context, ActsOn rule, java.util.function.UnaryOperator<String> values) {
		var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
		var variables = attributes == null ? null
				: attributes.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
						org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
		context.getBean(rule.value())
			.check(ViewerArgumentResolver.current(),
					new AccessCheck.Request(rule.key(), values,
							name -> variables instanceof Map<?, ?> map && map.get(name) != null
									? String.valueOf(map.get(name)) : null));
	}

	/**
	 * Runs a rule on the body on the top-level fields of a JSON body. A body that is not
	 * a JSON object (malformed, an array) names no field: the rule runs as for {} and
	 * refuses whom it refuses whatever the body names (the deal in the path not theirs, a
	 * role that never writes), before conversion names the body (try51: malformed JSON
	 * was a 400 to those refused {}).
	 */
	static void checkBody(ApplicationContext context, ActsOn rule, ObjectMapper json, byte[] body) {
		JsonNode fields;
		try {
			var tree = json.readTree(body);
			fields = tree != null && tree.isObject() ? tree : null;
		}
		catch (JacksonException ex) {
			fields = null;
		}
		var object = fields;
		check(context, rule, name -> {
			var value = object == null ? null : object.get(name);
			return value != null && value.isValueNode() && !value.isNull() ? value.asString() : null;
		});
	}

	/**
	 * Reads the top-level fields of a JSON body for a rule on the body, then hands the
	 * same bytes on to conversion and validation. A body that is not a JSON object names
	 * no record: the rule runs with every field absent, and conversion then refuses the
	 * body as usual. Ordered before {@code shared.UnreadableFields}, which hands the
	 * converter a JSON null once it has read the body itself: this rule must see the body
	 * as sent.
	 */
	@ControllerAdvice
	@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 1)
	static class JsonBodies extends RequestBodyAdviceAdapter {

		private final ApplicationContext context;

		private final ObjectMapper json;

		JsonBodies(ApplicationContext context, ObjectMapper json) {
			this.context = context;
			this.json = json;
		}

		@Override
		public boolean supports(MethodParameter parameter, Type targetType,
				Class<? extends HttpMessageConverter<?>> converterType) {
			var rule = parameter.getMethodAnnotation(ActsOn.class);
			return rule != null && rule.from() == ActsOn.From.BODY;
		}

		@Override
		public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
				Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
			byte[] body = input.getBody().readAllBytes();
			checkBody(this.context, parameter.getMethodAnnotation(ActsOn.class), this.json, body);
			return new HttpInputMessage() {

				@Override
				public InputStream getBody() {
					return new ByteArrayInputStream(body);
				}

				@Override
				public HttpHeaders getHeaders() {
					return input.getHeaders();
				}

			};
		}

		/** An empty body names no field either: the rule runs as for {}. */
		@Override
		public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
				Class<? extends HttpMessageConverter<?>> converterType) {
			check(this.context, parameter.getMethodAnnotation(ActsOn.class), name -> null);
			return body;
		}

	}

}
