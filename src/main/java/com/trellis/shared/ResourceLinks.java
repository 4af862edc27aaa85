package com.trellis.shared;

import java.util.LinkedHashMap;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Which links of a page are rewritten as static resources: only the webjars' (their
 * version put into the path, {@code /webjars/htmx.org/dist/htmx.min.js} to
 * {@code …/htmx.org/2.0.4/dist/…}).
 *
 * <p>
 * Every link a template builds ({@code @{…}}) passes the resource URL filter, which asks
 * each resource handler whose pattern matches the link for a resource. The static files'
 * handler has the pattern {@code /**}: it matched every link of every page (the
 * navigation, a hundred deal links on the adoption review), and for each the four static
 * locations were looked up in every jar of the class path, found nothing, and the miss
 * was not cached: about a quarter of a page's processor time on the large dataset (Flight
 * Recorder samples, docs/performance.md, branch pages18). That handler rewrites no link
 * (no version strategy is configured: a static file's link is its own path), so the links
 * are resolved against the other resource handlers only. Serving files, and the 404 of an
 * unknown path, are unchanged: the handlers themselves stay mapped.
 */
@Component
class ResourceLinks implements ApplicationListener<ContextRefreshedEvent> {

	/** The pattern of the static files' handler (spring.mvc.static-path-pattern). */
	static final String EVERY_PATH = "/**";

	private final ResourceUrlProvider links;

	ResourceLinks(ResourceUrlProvider links) {
		this.links = links;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		var handlers = new LinkedHashMap<String, ResourceHttpRequestHandler>();
		event.getApplicationContext()
			.getBeansOfType(AbstractUrlHandlerMapping.class)
			.values()
			.forEach(mapping -> mapping.getHandlerMap().forEach((pattern, handler) -> {
				if (handler instanceof ResourceHttpRequestHandler resources && !EVERY_PATH.equals(pattern)) {
					handlers.put(pattern, resources);
				}
			}));
		// the provider stops detecting handlers itself (whichever listener runs first)
		this.links.setHandlerMap(handlers);
	}

}
