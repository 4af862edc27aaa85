package com.trellis.shared;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Pages write their links as the templates give them. Spring Boot would otherwise
 * register a {@link ResourceUrlEncodingFilter} (it does whenever a WebJars locator is on
 * the class path) that resolves every link of every page against the static resource
 * locations, to put a version into WebJars paths: a class path search per link, four
 * locations each, and a link that is not a file (almost every link) is not cached, so it
 * is searched again on every page. In the page benchmark that was about 60% of the
 * request threads' CPU samples on list pages. The layout links the WebJars by their
 * version-agnostic paths ({@code /webjars/htmx.org/dist/htmx.min.js}), which the resource
 * chain serves without the filter; the filter is registered here switched off, so Boot
 * does not add its own.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinks {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
