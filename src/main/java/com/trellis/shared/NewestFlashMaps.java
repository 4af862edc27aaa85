package com.trellis.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Flash attributes kept in the session as Spring keeps them, but only the newest for each
 * page they are for: a form refused twice before its page loaded again (a double click)
 * shows the second refusal, and a reload shows nothing (try70a: the page showed the first
 * refusal's text, a reload the second's). Spring otherwise keeps both and hands the
 * oldest to the next request. Replaces Spring Boot's {@code flashMapManager} bean, which
 * steps aside for one of that name.
 */
@Configuration(proxyBeanMethods = false)
class NewestFlashMaps {

	@Bean
	FlashMapManager flashMapManager() {
		return new SessionFlashMapManager() {

			@Override
			protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
					HttpServletResponse response) {
				super.updateFlashMaps(newestPerTarget(flashMaps), request, response);
			}

		};
	}

	/**
	 * The flash maps without any that a later one for the same path and query replaces.
	 */
	static List<FlashMap> newestPerTarget(List<FlashMap> flashMaps) {
		var seen = new HashSet<List<Object>>();
		var kept = new ArrayList<FlashMap>(flashMaps.size());
		for (int i = flashMaps.size() - 1; i >= 0; i--) {
			var map = flashMaps.get(i);
			if (seen.add(List.of(String.valueOf(map.getTargetRequestPath()), map.getTargetRequestParams()))) {
				kept.add(map);
			}
		}
		Collections.reverse(kept);
		return kept;
	}

}
