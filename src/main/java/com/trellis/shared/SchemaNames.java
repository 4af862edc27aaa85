package com.trellis.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Gives each of the app's own types an OpenAPI schema name no other type has. Swagger
 * names a schema by the class's simple name, so two records both called {@code Decision}
 * (a credit dispute's and an MDF request's) were one schema, the one resolved last
 * describing both bodies. A class whose simple name another main class of the app
 * ({@code com.trellis}) also has is named by the shortest tail of its qualified name that
 * none of the others shares: {@code CreditApiController.Decision},
 * {@code IncentiveApiController.Decision}, {@code MdfFund.Claim}. Every other type keeps
 * its simple name, and a class named by {@code @Schema(name = …)} keeps that name. Only
 * the main classes count (found next to this one), so tests never change a name. A
 * springdoc {@link ModelConverter}: it names the type and hands it on down the chain.
 */
@Component
class SchemaNames implements ModelConverter {

	private volatile Map<String, String> names;

	@Override
	public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (type.getName() == null || type.getName().isBlank()) {
			var name = nameOf(type.getType());
			if (name != null) {
				type.setName(name);
			}
		}
		return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
	}

	/**
	 * The schema name of a type whose simple name is not its own, else null. A generic
	 * type ({@code PageResult<Claim>}) is named as swagger names it, its class and its
	 * type arguments' names run together, with the arguments' own names
	 * ({@code PageResultMdfFundClaim}).
	 */
	String nameOf(Type type) {
		if (type == null) {
			return null;
		}
		var java = TypeFactory.defaultInstance().constructType(type);
		if (java.isContainerType()) {
			return null;
		}
		if (java.getBindings().isEmpty()) {
			return named(java.getRawClass()) ? null : names().get(java.getRawClass().getName());
		}
		var name = new StringBuilder(simpleOrOwn(java.getRawClass()));
		boolean renamed = !name.toString().equals(java.getRawClass().getSimpleName());
		for (var argument : java.getBindings().getTypeParameters()) {
			if (argument.isContainerType() || !argument.getBindings().isEmpty()) {
				return null;
			}
			var own = simpleOrOwn(argument.getRawClass());
			renamed |= !own.equals(argument.getRawClass().getSimpleName());
			name.append(Character.toUpperCase(own.charAt(0))).append(own.substring(1));
		}
		return renamed ? name.toString() : null;
	}

	/** A class's schema name without dots: its own when its simple name is shared. */
	private String simpleOrOwn(Class<?> type) {
		var own = named(type) ? null : names().get(type.getName());
		return own != null ? own.replace(".", "") : type.getSimpleName();
	}

	/** Whether a class names its schema itself, {@code @Schema(name = …)}. */
	private static boolean named(Class<?> type) {
		var annotation = type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
		return annotation != null && !annotation.name().isEmpty();
	}

	private Map<String, String> names() {
		var known = this.names;
		if (known == null) {
			known = qualified(mainClasses());
			this.names = known;
		}
		return known;
	}

	/**
	 * For each class sharing its simple name with another, the shortest tail of its
	 * qualified name (package and enclosing classes, joined by dots) that is its alone.
	 */
	static Map<String, String> qualified(List<String> classes) {
		var bySimpleName = classes.stream().collect(Collectors.groupingBy(name -> tail(name, 1)));
		var names = new HashMap<String, String>();
		for (var group : bySimpleName.values()) {
			if (group.size() < 2) {
				continue;
			}
			for (var name : group) {
				int parts = name.split("[.$]").length;
				for (int length = 2; length <= parts; length++) {
					var tail = tail(name, length);
					int taken = length;
					if (group.stream().filter(other -> tail(other, taken).equals(tail)).count() == 1) {
						names.put(name, tail);
						break;
					}
				}
			}
		}
		return Map.copyOf(names);
	}

	private static String tail(String name, int length) {
		var parts = name.split("[.$]");
		return String.join(".", List.of(parts).subList(Math.max(0, parts.length - length), parts.length));
	}

	/**
	 * The app's main classes, without anonymous and local classes: those in the class
	 * path root that holds this class (so not the tests'). The roots are read from the
	 * one scan, so their URLs have one form in a directory and in the packaged jar; were
	 * this class not found there, every root counts, which qualifies more names, never
	 * fewer.
	 */
	private static List<String> mainClasses() {
		var resolver = new PathMatchingResourcePatternResolver(SchemaNames.class.getClassLoader());
		try {
			var byRoot = new HashMap<String, List<String>>();
			for (var resource : resolver.getResources("classpath*:com/trellis/**/*.class")) {
				var url = resource.getURL().toString();
				int at = url.lastIndexOf("com/trellis/");
				var name = url.substring(at, url.length() - ".class".length()).replace('/', '.');
				if (!name.matches(".*\\$\\d.*") && !name.endsWith("package-info")) {
					byRoot.computeIfAbsent(url.substring(0, at), root -> new ArrayList<>()).add(name);
				}
			}
			var own = SchemaNames.class.getName();
			return byRoot.values()
				.stream()
				.filter(names -> names.contains(own))
				.findFirst()
				.orElseGet(() -> byRoot.values().stream().flatMap(List::stream).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
