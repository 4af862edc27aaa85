package com.trellis.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link TrellisTest} on a context, and so an embedded database, of its own, shared by
 * the test classes that run the day's guidance or the weekly digest. Each such run reads
 * every person of its database: in the one all other classes share that is the ~2,100
 * people they leave behind (8–9 s a run late in the suite, about 35 runs), here the
 * demo's and these classes' own (about 1 s). The runs still read everyone; the first
 * property only tells the contexts apart and is read by nothing. The weekly digest goes
 * out in batches of 4 people here, so every digest test runs through several batches (the
 * default, 300, would put these databases' few dozen people in one).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TrellisTest
@TestPropertySource(properties = { "trellis.guidance.test-context=own", "trellis.guidance.digest-batch-size=4" })
public @interface GuidanceRunTest {

}
