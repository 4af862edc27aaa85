package com.trellis.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link TrellisTest} on a context, and so an embedded database, that holds the demo as
 * its first start left it: for the checks of what a newcomer sees, which other test
 * classes (changing demo deals, paying earnings, handing over a leaver's book) must not
 * have touched. Such a class holds whichever classes ran before it in the same JVM, so
 * the suite can run in several JVMs that each take the next class. The classes of this
 * kind share the one context (one start with the demo load per JVM, not one per class),
 * so they only read what the demo loaded: what they write (a fixture user, an API token)
 * must be nothing another of them reads. The property only tells the context apart and is
 * read by nothing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TrellisTest
@TestPropertySource(properties = "trellis.demo.test-context=first-start")
public @interface FirstStartTest {

}
