package com.trellis.identity;

import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;

/**
 * Keeps what the server fills in itself out of the OpenAPI description: the signed-in
 * {@link Viewer} a controller takes (resolved by {@link ViewerArgumentResolver}) is not a
 * parameter a caller can send.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
	}

}
