package com.trellis.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@code Idempotency-Key} of an API request, checked after the role rule and the
 * owner rule (a caller who may not create gets 403 whatever the header holds): the
 * operation must create a record (answer 201) without a secret in its answer
 * ({@link SecretInAnswer}), the body must be JSON of at most 1 MiB and the key 1 to 255
 * visible ASCII characters; else 400 naming the header. Then the key is claimed for the
 * request, or the answer it got is sent again ({@link IdempotentCreates}).
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyCheck implements WebMvcConfigurer, HandlerInterceptor {

	private final ApplicationContext context;

	private final ObjectMapper json;

	private final IdempotencyKeys keys;

	IdempotencyCheck(ApplicationContext context, ObjectMapper json, IdempotencyKeys keys) {
		this.context = context;
		this.json = json;
		this.keys = keys;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE + 2);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws java.io.IOException {
		if (!"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
				|| !IdempotentCreates.present(request) || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		var rule = method.getMethodAnnotation(ActsOn.class);
		var body = (byte[]) request.getAttribute(IdempotentCreates.BODY);
		if (rule != null && rule.from() == ActsOn.From.BODY && body != null) {
			OwnersBeforeBinding.checkBody(this.context, rule, this.json, body);
		}
		var status = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ResponseStatus.class);
		if (status == null || status.code() != HttpStatus.CREATED || method.hasMethodAnnotation(SecretInAnswer.class)) {
			throw InvalidInputException.of(IdempotentCreates.HEADER,
					"is taken by the operations that create a record (201 Created) without a secret in their answer; "
							+ "this one takes none: send it without the header");
		}
		if (body == null) {
			throw InvalidInputException.of(IdempotentCreates.HEADER,
					"is taken with a JSON body only (Content-Type: application/json)");
		}
		var hash = (byte[]) request.getAttribute(IdempotentCreates.HASH);
		if (hash == null) {
			throw InvalidInputException.of(IdempotentCreates.HEADER, "is taken with a body of at most 1 MiB");
		}
		String key;
		try {
			key = request.getHeader(IdempotentCreates.HEADER);
		}
		catch (org.springframework.security.web.firewall.RequestRejectedException ex) {
			key = ""; // a value the firewall refuses (not ASCII): told as any bad key
		}
		if (key == null || key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			throw InvalidInputException.of(IdempotentCreates.HEADER,
					"must be 1 to 255 visible ASCII characters, such as a UUID");
		}
		long userId = ViewerArgumentResolver.current().userId();
		var kept = this.keys.claim(userId, key, hash);
		if (kept.isEmpty()) {
			request.setAttribute(IdempotentCreates.CLAIMED, new IdempotentCreates.Claimed(userId, key));
			return true;
		}
		if (!kept.get().sameRequest()) {
			throw new Reused();
		}
		response.setStatus(kept.get().status());
		response.setContentType(kept.get().contentType());
		response.setHeader(IdempotentCreates.REPLAYED, "true");
		response.getOutputStream().write(kept.get().body());
		return false;
	}

	/** 422: the key was used for another request. */
	static final class Reused extends ConflictException {

		Reused() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, IdempotentCreates.HEADER,
					"was used for a different request (another operation or body); a new request needs a new key");
		}

	}

}
