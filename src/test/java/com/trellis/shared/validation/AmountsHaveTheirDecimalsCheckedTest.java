package com.trellis.shared.validation;

import java.util.ArrayList;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MoneyAmount} checks an amount's bounds only; its decimals are checked by the
 * {@link AmountsIn} of its record, which knows the currency. So every record component
 * that is a money amount must be named by an {@link AmountsIn} of its record, or its
 * decimals would go unchecked (and the database would round them).
 */
class AmountsHaveTheirDecimalsCheckedTest {

	@Test
	void everyMoneyAmountIsNamedByAnAmountsInOfItsRecord() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(
				(reader, factory) -> "java.lang.Record".equals(reader.getClassMetadata().getSuperClassName()));
		var unchecked = new ArrayList<String>();
		int amounts = 0;
		for (var candidate : scanner.findCandidateComponents("com.trellis")) {
			var type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			var named = Arrays.stream(type.getAnnotationsByType(AmountsIn.class))
				.flatMap(amountsIn -> Arrays.stream(amountsIn.amounts()))
				.toList();
			for (var component : type.getRecordComponents()) {
				if (component.isAnnotationPresent(MoneyAmount.class)) {
					amounts++;
					if (!named.contains(component.getName())) {
						unchecked.add(type.getName() + "." + component.getName());
					}
				}
			}
		}
		assertThat(amounts).isGreaterThan(10);
		assertThat(unchecked).isEmpty();
	}

}
