package com.trellis.scoring;

import com.trellis.shared.StoredFigures;

/**
 * The description every signal carries; subclasses add only their rule.
 */
abstract class NamedSignal implements Signal {

	private final String key;

	private final String name;

	private final Pillar pillar;

	private final String definition;

	private final String source;

	private final String window;

	private final String unit;

	NamedSignal(String key, String name, Pillar pillar, String definition, String source, String window, String unit) {
		this.key = key;
		this.name = name;
		this.pillar = pillar;
		this.definition = definition;
		this.source = source;
		this.window = window;
		this.unit = unit;
	}

	@Override
	public String key() {
		return this.key;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Pillar pillar() {
		return this.pillar;
	}

	@Override
	public String definition() {
		return this.definition;
	}

	@Override
	public String source() {
		return this.source;
	}

	@Override
	public String window() {
		return this.window;
	}

	@Override
	public String unit() {
		return this.unit;
	}

	static String plural(long count, String one, String many) {
		return StoredFigures.count(count) + " " + (count == 1 ? one : many);
	}

}
