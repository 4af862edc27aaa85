package com.trellis.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the rule that decides whether the caller may act on the record a request names,
 * so that rule runs before the request's body or form is bound and validated: a caller
 * who may not act on the record gets 403 (or 404 when they may not even see it) whatever
 * else they send, never a 400 listing fields. The owning module's facade still checks
 * again when it does the work.
 *
 * <pre>
 * &#64;PutMapping("/{id}")
 * &#64;ActsOn(ManagedPartner.class)
 * PartnerView update(Viewer viewer, &#64;PathVariable long id, &#64;Valid &#64;RequestBody PartnerCommand command)
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ActsOn {

	/** The owning module's rule, a bean of this type. */
	Class<? extends AccessCheck> value();

	/** Where the rule reads the record's key. */
	From from() default From.PATH;

	/** The path variable, or body field, that holds the record's key. */
	String key() default "id";

	enum From {

		/** The path variables: checked before anything of the request is read. */
		PATH,

		/**
		 * The top-level fields of the JSON body or the form parameters: the rule reads
		 * its few fields before the rest is bound. A body that is not a JSON object is
		 * refused by binding as usual; it names no record, so that tells the caller
		 * nothing.
		 */
		BODY

	}

}
