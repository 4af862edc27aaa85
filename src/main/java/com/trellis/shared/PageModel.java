package com.trellis.shared;

import java.util.Map;

/**
 * What a module adds to the model of every page (the viewer, the navigation, the unread
 * count). Page handlers get it through their {@code @ModelAttribute} advice; an error
 * page built by an exception handler, which Spring renders without that advice, asks
 * every contributor here so it keeps the full layout.
 */
public interface PageModel {

	/** The attributes for the current request; a {@code null} value is left out. */
	Map<String, Object> attributes();

}
