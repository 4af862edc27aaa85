package com.trellis.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a create whose answer carries a secret shown once (a webhook's signing secret, a
 * new user's first password). Its answer is never kept for a replay, so it takes no
 * {@code Idempotency-Key} ({@link IdempotentCreates}): a call that sends one is refused
 * naming the header.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SecretInAnswer {

}
