package com.trellis.shared;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.RequestParamMapMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * A query or form parameter that takes one value is given once. Spring MVC read a
 * repeated one silently in three ways: a number, boolean, date or enum kept its first
 * value, a text joined the values with a comma ({@code customerName=Fuzz Corp,7}) and an
 * enum or amount was refused as unreadable. Now each parameter the handler reads as one
 * value and the request holds more than once is a 400 naming it,
 * {@code status: was given 2 times; give it once}, one error per such parameter, before
 * the handler runs, so nothing changes: the API's problem detail ({@link ApiErrors},
 * {@code errors[0].field} is the parameter) and the page's 400 ({@link PageErrors}).
 * <p>
 * A parameter takes one value when the handler binds it ({@code @RequestParam}, also
 * without the annotation) to a type that is not an array, collection or map, or when it
 * is a top-level field of a form command ({@code @ModelAttribute}: a record's component,
 * a bean's property) of such a type; every parameter does for a handler that reads a
 * {@code Map<String, String>} of them, but for names starting with {@code _} (the CSRF
 * token, Spring's field markers). Arrays, collections and {@code MultiValueMap}s keep
 * every value ({@code /cohorts?show=1&show=2}). Runs after the role and ownership checks
 * ({@code identity.RolesBeforeBinding}, {@code identity.OwnersBeforeBinding}): a caller
 * refused the endpoint or the record still gets 403. An ownership rule on a JSON body
 * ({@code ActsOn.From.BODY}) runs later, as the body is read; none of those handlers
 * reads a query parameter of one value. A page form refused here gets the 400 error page
 * ("Nothing was saved"), as other bad input found before its handler runs.
 */
@Configuration(proxyBeanMethods = false)
class RepeatedParameters implements WebMvcConfigurer, HandlerInterceptor {

	static final String MESSAGE = "was given %d times; give it once";

	private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

	private final Map<Method, OneValue> handlers = new ConcurrentHashMap<>();

	RepeatedParameters(ObjectProvider<RequestMappingHandlerAdapter> adapter) {
		this.adapter = adapter;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(2);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!TextGuard.guards(request, handler) || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		var problems = new ArrayList<InvalidInputException.FieldError>();
		for (var entry : ReadableParameters.of(request).entrySet()) {
			if (entry.getValue() == null || entry.getValue().length < 2) {
				continue;
			}
			if (readBy(method).takesOne(entry.getKey())) {
				problems.add(new InvalidInputException.FieldError(entry.getKey(),
						MESSAGE.formatted(entry.getValue().length)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return true;
	}

	/** The parameters the handler reads, as its argument resolvers read them (kept). */
	OneValue readBy(HandlerMethod method) {
		return this.handlers.computeIfAbsent(method.getMethod(), m -> OneValue.of(method, resolvers()));
	}

	private List<HandlerMethodArgumentResolver> resolvers() {
		var mvc = this.adapter.getIfUnique();
		var resolvers = mvc == null ? null : mvc.getArgumentResolvers();
		return resolvers == null ? List.of() : resolvers;
	}

	/**
	 * The parameters one handler reads as one value, and those it reads as several, by
	 * the argument resolver Spring MVC picks for each of its parameters.
	 */
	record OneValue(Set<String> one, Set<String> several, boolean everyName, boolean open) {

		boolean takesOne(String name) {
			return !this.several.contains(name)
					&& (this.one.contains(name) || (this.everyName && !name.startsWith("_")));
		}

		/**
		 * Whether the handler reads a parameter of this name; every name for a handler
		 * that reads a map of them ({@code open}).
		 */
		boolean reads(String name) {
			return this.open || this.one.contains(name) || this.several.contains(name);
		}

		static OneValue of(HandlerMethod method, List<HandlerMethodArgumentResolver> resolvers) {
			var one = new HashSet<String>();
			var several = new HashSet<String>();
			boolean everyName = false;
			boolean open = false;
			for (var parameter : method.getMethodParameters()) {
				parameter.initParameterNameDiscovery(NAMES);
				var resolver = resolvers.stream().filter(r -> r.supportsParameter(parameter)).findFirst().orElse(null);
				// a handler given the request itself reads only what it names (the
				// content
				// type of an upload; try11: the uploads took any query parameter)
				if (resolver instanceof RequestParamMapMethodArgumentResolver) {
					everyName |= oneValueMap(parameter);
					open = true;
				}
				else if (resolver instanceof RequestParamMethodArgumentResolver) {
					var name = name(parameter);
					if (name != null) {
						(several(parameter.nestedIfOptional().getNestedParameterType()) ? several : one).add(name);
					}
				}
				else if (resolver instanceof ModelAttributeMethodProcessor) {
					fields(parameter.nestedIfOptional().getNestedParameterType(), one, several);
				}
			}
			return new OneValue(Set.copyOf(one), Set.copyOf(several), everyName, open);
		}

		private static String name(MethodParameter parameter) {
			var annotation = parameter.getParameterAnnotation(RequestParam.class);
			return annotation != null && !annotation.name().isEmpty() ? annotation.name()
					: parameter.getParameterName();
		}

		/**
		 * A {@code Map<String, String>} of every parameter: one value each. A
		 * {@code MultiValueMap} keeps them all; a map of files reads no parameter.
		 */
		private static boolean oneValueMap(MethodParameter parameter) {
			if (MultiValueMap.class.isAssignableFrom(parameter.getParameterType())) {
				return false;
			}
			var values = ResolvableType.forMethodParameter(parameter).asMap().getGeneric(1).resolve();
			return values == null || values == String.class || values == Object.class;
		}

		/**
		 * A form command's top-level fields: a record's (or other constructor-bound
		 * class's) constructor parameters by their bound names, and a bean's writable
		 * properties.
		 */
		private static void fields(Class<?> type, Set<String> one, Set<String> several) {
			if (BeanUtils.isSimpleProperty(type) || type.isInterface()) {
				return;
			}
			try {
				var constructor = BeanUtils.getResolvableConstructor(type);
				var names = BeanUtils.getParameterNames(constructor);
				for (int i = 0; i < names.length; i++) {
					var bound = constructor.getParameters()[i].getAnnotation(BindParam.class);
					var name = bound != null ? bound.value() : names[i];
					(several(constructor.getParameterTypes()[i]) ? several : one).add(name);
				}
			}
			catch (IllegalStateException ex) {
				// no constructor Spring can bind with: its properties alone
			}
			for (var property : BeanUtils.getPropertyDescriptors(type)) {
				if (property.getWriteMethod() != null) {
					(several(property.getPropertyType()) ? several : one).add(property.getName());
				}
			}
		}

		private static boolean several(Class<?> type) {
			return type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
		}

	}

}
