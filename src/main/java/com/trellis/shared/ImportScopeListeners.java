package com.trellis.shared;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries an import's mark ({@link ImportScope}) into the listeners that react to what it
 * changed after its transaction committed: every {@code @TransactionalEventListener} (and
 * so every {@code @ApplicationModuleListener}, which runs in a transaction of its own)
 * whose event is an {@link ImportScope.Origin} made by an import runs as part of the
 * import, so what it changes in turn (a tier recount, a registration decided again when
 * an imported close frees it) announces nothing outside Trellis either, and the events it
 * publishes carry the origin on. One advice for all such listeners, present and future,
 * instead of a check in each; listeners of events made in Trellis run as before.
 */
@Configuration(proxyBeanMethods = false)
class ImportScopeListeners {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor importScopeListenerAdvisor() {
		MethodInterceptor advice = invocation -> {
			var arguments = invocation.getArguments();
			if (arguments.length == 1 && arguments[0] instanceof ImportScope.Origin origin && origin.byImport()) {
				boolean before = ImportScope.enterListener();
				try {
					return invocation.proceed();
				}
				finally {
					ImportScope.leaveListener(before);
				}
			}
			return invocation.proceed();
		};
		return new DefaultPointcutAdvisor(new ListenersOfOrigins(), advice);
	}

	/**
	 * The methods of Trellis classes that listen after a commit to an event with an
	 * origin.
	 */
	static final class ListenersOfOrigins extends StaticMethodMatcherPointcut {

		ListenersOfOrigins() {
			setClassFilter(type -> type.getName().startsWith("com.trellis."));
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			var specific = AopUtils.getMostSpecificMethod(method, targetClass);
			return specific.getParameterCount() == 1
					&& ImportScope.Origin.class.isAssignableFrom(specific.getParameterTypes()[0])
					&& AnnotatedElementUtils.hasAnnotation(specific, TransactionalEventListener.class);
		}

	}

}
