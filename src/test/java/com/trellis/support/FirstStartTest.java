package com.trellis.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link TrellisTest} on a context, and so an embedded database, that holds the demo as
 * its first start left it: for the checks of what a newcomer sees, which other test
 * classes (changing demo deals, paying earnings, handing over a leaver's book) must not
 * have touched. Such a class holds whichever classes ran before it in the same JVM, so
 * the suite can run in several JVMs that each take the next class. The context is closed
 * after the class (a later class of this kind starts a fresh one), so the classes must
 * not write what another of them reads. The property only tells the contexts apart and is
 * read by nothing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TrellisTest
@TestPropertySource(properties = "trellis.demo.test-context=first-start")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface FirstStartTest {

}
