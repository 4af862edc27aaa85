package com.trellis.shared;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.trellis.shared.validation.AmountsIn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record that carries an amount beside its currency holds the amount at the
 * currency's minor unit, whatever scale it was read with (money columns keep four
 * decimals): a JPY amount read as {@code 12345.0000} is {@code 12345} in the API, the CSV
 * exports and the pages. Commands are left out: their input is refused, never rounded.
 */
class MoneyRecordsGuardTest {

	/** Numbers beside a currency that are no amounts. */
	private static final Pattern NOT_MONEY = Pattern
		.compile("(?i).*(share|percent|probability|rate|days|readiness|trust).*");

	/**
	 * A KPI's value is an amount or a percentage by its unit; its amounts are rounded
	 * where they are computed ({@code ReportingCurrency.round}, tested in KpiTests).
	 */
	private static final List<String> BY_UNIT = List.of("com.trellis.metrics.Kpi");

	/**
	 * A source row as parsed from a CRM export, before its currency is known (a blank
	 * currency takes the default): it is input, so ImportPlan refuses an amount with more
	 * decimals than its currency instead of rounding it; the rows it plans are checked
	 * here.
	 */
	private static final List<String> PARSED_INPUT = List.of("com.trellis.imports.CrmExport$Deal");

	@Test
	void everyRecordWithAnAmountAndACurrencyKeepsTheAmountAtTheCurrencysScale() throws Exception {
		var checked = new ArrayList<String>();
		var offenders = new ArrayList<String>();
		for (var type : records()) {
			var components = type.getRecordComponents();
			if (type.isAnnotationPresent(AmountsIn.class) || BY_UNIT.contains(type.getName())
					|| PARSED_INPUT.contains(type.getName())
					|| List.of(components)
						.stream()
						.noneMatch(c -> c.getName().equals("currency") && c.getType() == String.class)) {
				continue;
			}
			var amounts = List.of(components)
				.stream()
				.filter(c -> c.getType() == BigDecimal.class && !NOT_MONEY.matcher(c.getName()).matches())
				.toList();
			if (amounts.isEmpty()) {
				continue;
			}
			Object record;
			try {
				record = build(type, components);
			}
			catch (InvocationTargetException ex) {
				offenders.add(type.getName() + " cannot be built from plain values: " + ex.getCause());
				continue;
			}
			checked.add(type.getSimpleName());
			for (var amount : amounts) {
				amount.getAccessor().setAccessible(true);
				var value = (BigDecimal) amount.getAccessor().invoke(record);
				if (value.scale() != 0) {
					offenders.add(type.getName() + "." + amount.getName() + " = " + value.toPlainString());
				}
			}
		}
		assertThat(checked).contains("OpportunityView", "LedgerEntry", "MdfRequest", "RegistrationView", "Quota",
				"PartnerRevenue", "PipelineLine");
		assertThat(offenders).isEmpty();
	}

	private static Object build(Class<?> type, RecordComponent[] components) throws Exception {
		var types = new Class<?>[components.length];
		var args = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			var c = components[i];
			types[i] = c.getType();
			if (c.getType() == BigDecimal.class) {
				args[i] = new BigDecimal("12345.0000");
			}
			else if (c.getType() == String.class
					&& (c.getName().equals("currency") || c.getName().endsWith("Currency"))) {
				args[i] = "JPY";
			}
			else if (c.getType() == long.class) {
				args[i] = 0L;
			}
			else if (c.getType() == int.class) {
				args[i] = 1;
			}
			else if (c.getType() == boolean.class) {
				args[i] = false;
			}
			else if (c.getType() == double.class) {
				args[i] = 0d;
			}
			else if (c.getType() == List.class || c.getType() == Collection.class) {
				args[i] = List.of();
			}
			else if (c.getType() == Set.class) {
				args[i] = Set.of();
			}
			else if (c.getType() == Map.class) {
				args[i] = Map.of();
			}
			else if (c.getType() == Optional.class) {
				args[i] = Optional.empty();
			}
			else if (c.getType() == String.class) {
				args[i] = "";
			}
		}
		var constructor = type.getDeclaredConstructor(types);
		constructor.setAccessible(true);
		return constructor.newInstance(args);
	}

	private static List<Class<?>> records() throws IOException, ClassNotFoundException {
		var root = Path.of("target/classes");
		var found = new ArrayList<Class<?>>();
		try (Stream<Path> files = Files.walk(root.resolve("com/trellis"))) {
			for (var file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
				var name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
				var type = Class.forName(name, false, MoneyRecordsGuardTest.class.getClassLoader());
				if (type.isRecord()) {
					found.add(type);
				}
			}
		}
		return found;
	}

}
